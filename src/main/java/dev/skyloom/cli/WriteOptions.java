package dev.skyloom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.function.Consumer;

/** The output format and progress options shared by query, find and load. */
final class WriteOptions {

    @Option(names = "--format", paramLabel = "table|csv|jsonl|geojson|parquet",
            description = "Output format (default: table when stdout is a terminal, csv otherwise).")
    private OutputFormat format;

    @Option(names = "--compression", paramLabel = "zstd|gzip|none",
            description = "How parquet files are compressed (default: zstd).")
    private ParquetCompression compression = ParquetCompression.DEFAULT;

    @Option(names = "--no-progress", description = "Show no progress on stderr.")
    private boolean noProgress;

    /**
     * @param toFile whether the output goes to a file rather than stdout
     * @return the chosen format, or the default: table for a terminal, csv otherwise
     */
    OutputFormat format(Environment environment, boolean toFile) {
        if (format != null) {
            return format;
        }
        return environment.outIsTerminal() && !toFile ? OutputFormat.TABLE : OutputFormat.CSV;
    }

    /**
     * Refuses a binary format for standard output.
     *
     * @param fileOption how to name a file instead, e.g. {@code --output FILE}
     * @throws ParameterException if {@code format} is binary
     */
    static void requireFile(OutputFormat format, String fileOption, CommandLine commandLine) {
        if (format.binary()) {
            throw new ParameterException(commandLine, "--format " + format + " is binary and not written to stdout;"
                    + " use " + fileOption);
        }
    }

    /** @return how parquet files are compressed: --compression, or zstd */
    ParquetCompression compression() {
        return compression;
    }

    /** @return whether --format was given */
    boolean formatGiven() {
        return format != null;
    }

    /** @return a display for {@code names}: live bars on a terminal, plain lines otherwise, nothing if disabled */
    ProgressDisplay progress(Environment environment, List<String> names) {
        ProgressDisplay.Mode mode = noProgress ? ProgressDisplay.Mode.OFF
                : environment.errIsTerminal() ? ProgressDisplay.Mode.BARS : ProgressDisplay.Mode.LINES;
        return new ProgressDisplay(mode, environment.err(), names);
    }

    /** @return where writers report data a format cannot hold: a line on stderr */
    Consumer<String> warnings(Environment environment) {
        return message -> environment.err().println("skyloom: warning: " + message);
    }
}
