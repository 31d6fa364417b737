package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.IngestResult;
import dev.skyloom.InvalidItemException;
import dev.skyloom.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code skyloom ingest}: stores the datapoints of a CSV, JSON Lines or GeoJSON file in a collection. */
@Command(name = "ingest", sortOptions = false,
        description = "Ingest the datapoints of a CSV, JSON Lines or GeoJSON file into a collection. Every row is"
                + " checked before anything is sent; datapoints already stored are skipped (ingesting again is safe).",
        footer = {"  skyloom ingest my_dataset 2025 --input trips.csv",
                "  skyloom ingest my_dataset 2025 --input trips.geojson --no-allow-existing"})
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Mixin
    private CollectionArguments arguments;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The datapoints: .csv (header row of field names), .jsonl (one object per line) or"
                    + " .geojson (a FeatureCollection).")
    private Path input;

    @Option(names = "--input-format", paramLabel = "csv|jsonl|geojson",
            description = "The input format, when the file name does not tell.")
    private InputRows.Format format;

    @Option(names = "--no-allow-existing", description = "Fail a batch if any of its datapoints is already stored.")
    private boolean refuseExisting;

    @Override
    public Integer call() {
        List<InputRows.Row> rows = InputRows.read(input, format != null ? format : InputRows.formatOf(input));
        List<Map<String, Object>> items = rows.stream().map(InputRows.Row::fields).toList();
        try (Connection connection = root.connect()) {
            Collection target = arguments.resolve(connection.client());
            IngestResult result;
            try {
                result = target.ingest(items, !refuseExisting, ProgressListener.NONE);
            } catch (InvalidItemException e) {
                throw new CommandFailure(input + " line " + rows.get(e.index()).line()
                        + e.field().map(f -> ", field '" + f + "'").orElse("") + ": " + e.reason()
                        + "; nothing was ingested", e);
            }
            root.environment().out().println("ingested " + rows.size() + " datapoints into " + arguments.path()
                    + ": " + result.created() + " created, " + result.existing() + " already existed");
        }
        return 0;
    }
}
