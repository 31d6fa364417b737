package dev.skyloom.cli;

import dev.skyloom.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/** The output format, field selection and progress options shared by query and load. */
final class WriteOptions {

    @Option(names = "--format", paramLabel = "table|csv|jsonl|geojson|parquet",
            description = "Output format (default: table when stdout is a terminal, csv otherwise).")
    private OutputFormat format;

    @Option(names = "--fields", paramLabel = "NAME", split = ",",
            description = "Write only these fields, in this order, e.g. time,id,cloud_cover (default: every field;"
                    + " for table, time, id and a few more; a geojson Feature keeps its id and geometry).")
    private List<String> fields = new ArrayList<>();

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

    /**
     * The fields chosen with {@code --fields}, checked against the dataset's.
     *
     * @return the names in the order given, or empty when every field is written
     * @throws ParameterException naming each unknown field with the closest existing names, or a field named twice
     */
    List<String> fields(Dataset dataset, CommandLine commandLine) {
        if (fields.isEmpty()) {
            return List.of();
        }
        List<String> known = dataset.fieldNames();
        List<String> problems = new ArrayList<>();
        for (String name : fields) {
            if (!known.contains(name)) {
                problems.add("'" + name + "'" + Lookup.suggestion(CloseNames.to(name, known)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(commandLine, "--fields: " + dataset.slug() + " has no field "
                    + String.join(", no field ", problems) + " (its fields: " + String.join(", ", known) + ")");
        }
        if (new LinkedHashSet<>(fields).size() != fields.size()) {
            throw new ParameterException(commandLine, "--fields names a field twice: " + String.join(",", fields));
        }
        return List.copyOf(fields);
    }

    /**
     * A writer of the chosen format, fields and compression, reporting what a format cannot hold on stderr.
     *
     * @param file the file {@code out} writes to, or null for standard output
     * @throws ParameterException if --fields names a field {@code dataset} does not have
     */
    DatapointWriter writer(OutputFormat chosen, Writer out, Path file, Environment environment, Dataset dataset,
                           CommandLine commandLine) {
        return DatapointWriter.of(chosen, out, file, warnings(environment), compression,
                fields(dataset, commandLine));
    }

    /** @return a display for {@code names}: live bars on a terminal, plain lines otherwise, nothing if disabled */
    ProgressDisplay progress(Environment environment, List<String> names) {
        ProgressDisplay.Mode mode = noProgress ? ProgressDisplay.Mode.OFF
                : environment.errIsTerminal() ? ProgressDisplay.Mode.BARS : ProgressDisplay.Mode.LINES;
        return new ProgressDisplay(mode, environment.err(), names, environment.errColour());
    }

    /** @return where writers report data a format cannot hold: a line on stderr */
    Consumer<String> warnings(Environment environment) {
        return message -> environment.err().println("skyloom: warning: " + TerminalText.safe(message));
    }
}
