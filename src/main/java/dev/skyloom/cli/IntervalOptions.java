package dev.skyloom.cli;

import dev.skyloom.TimeInterval;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Instant;

/** The {@code --from} / {@code --to} options of query and load, as a half-open time interval. */
final class IntervalOptions {

    @Option(names = "--from", required = true, paramLabel = "TIME", converter = OptionConverters.TimeConverter.class,
            description = "Start of the time interval, inclusive: a date (2020-01-01, midnight UTC) or date-time"
                    + " (2020-01-01T12:00:00Z).")
    private Instant from;

    @Option(names = "--to", required = true, paramLabel = "TIME", converter = OptionConverters.TimeConverter.class,
            description = "End of the time interval, exclusive.")
    private Instant to;

    /**
     * @return {@code [from, to)}
     * @throws ParameterException if {@code --to} is before {@code --from}
     */
    TimeInterval interval(CommandLine commandLine) {
        if (to.isBefore(from)) {
            throw new ParameterException(commandLine, "--to " + to + " is before --from " + from
                    + "; the interval must not end before it starts");
        }
        return TimeInterval.of(from, to);
    }
}
