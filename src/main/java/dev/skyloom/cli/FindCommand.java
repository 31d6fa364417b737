package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code skyloom find}: prints one datapoint by its id, every field of it. */
@Command(name = "find",
        description = "Print one datapoint of a collection, found by its id, with every field: a field/value table"
                + " on a terminal, JSON Lines otherwise.",
        footer = {"  skyloom find open_data.copernicus.landsat8_oli_tirs L1GT \\",
                "      0186d2a0-2b3c-7d4e-8f90-a1b2c3d4e5f6",
                "  skyloom find open_data.copernicus.landsat8_oli_tirs L1GT \\",
                "      0186d2a0-2b3c-7d4e-8f90-a1b2c3d4e5f6 --format geojson"})
final class FindCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Mixin
    private CollectionArguments collectionArguments;

    @Parameters(index = "2", paramLabel = "DATAPOINT_ID", converter = OptionConverters.UuidConverter.class,
            description = "The datapoint's id (a UUID).")
    private UUID id;

    @Option(names = "--format", paramLabel = "table|csv|jsonl|geojson", completionCandidates = Formats.class,
            converter = Formats.class,
            description = "Output format (default: table on a terminal, one field per row; jsonl otherwise).")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        Environment environment = root.environment();
        OutputFormat chosen = format != null ? format : environment.outIsTerminal() ? OutputFormat.TABLE
                : OutputFormat.JSONL;
        try (Connection connection = root.connect()) {
            Collection source = collectionArguments.resolve(connection.client());
            Datapoint datapoint = source.find(id);
            try (Writer out = OutputTarget.stdout(environment.out())) {
                if (chosen == OutputFormat.TABLE) {
                    printVertically(datapoint.fields(), out);
                } else {
                    DatapointWriter writer = DatapointWriter.of(chosen, out, null, message ->
                            environment.err().println("skyloom: warning: " + TerminalText.safe(message)));
                    writer.write(List.of(datapoint));
                    writer.finish();
                }
            }
        }
        return 0;
    }

    /** Every field on its own row: field name, then value, long values kept whole. */
    private static void printVertically(Map<String, Object> fields, Writer out) throws IOException {
        TextTable table = new TextTable(List.of("field", "value"), Integer.MAX_VALUE);
        fields.forEach((name, value) -> table.add(List.of(name, CellText.forPeople(value))));
        table.print(out);
        out.flush();
    }

    /** The formats {@code find} writes: the text ones (a single datapoint needs no file format). */
    static final class Formats implements Iterable<String>, picocli.CommandLine.ITypeConverter<OutputFormat> {
        private static final List<OutputFormat> ALLOWED = List.of(OutputFormat.TABLE, OutputFormat.CSV,
                OutputFormat.JSONL, OutputFormat.GEOJSON);

        @Override
        public java.util.Iterator<String> iterator() {
            return ALLOWED.stream().map(OutputFormat::toString).iterator();
        }

        @Override
        public OutputFormat convert(String text) {
            for (OutputFormat f : ALLOWED) {
                if (f.toString().equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a format of find: use"
                    + " table, csv, jsonl or geojson (query --output FILE writes parquet)");
        }
    }
}
