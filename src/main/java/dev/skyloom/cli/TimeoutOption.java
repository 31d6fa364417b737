package dev.skyloom.cli;

import dev.skyloom.DatasetsClient;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The {@code --timeout} of the commands that make single requests: how long one request may take. */
final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "DURATION", converter = OptionConverters.DurationConverter.class,
            description = "Give up a request that has not been answered completely after this long, e.g. 10s or 2m"
                    + " (default: 60s).")
    private Duration timeout;

    /** The value when not given: the library's default attempt timeout. */
    static final Duration DEFAULT = DatasetsClient.DEFAULT_ATTEMPT_TIMEOUT;

    /** @return the --timeout option, or null when not given */
    Duration timeout() {
        return timeout;
    }
}
