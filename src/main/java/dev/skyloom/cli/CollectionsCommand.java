package dev.skyloom.cli;

import dev.skyloom.CollectionInfo;
import dev.skyloom.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skyloom collections <dataset>}: lists the collections of one dataset. */
@Command(name = "collections",
        description = "List the collections of a dataset: name, datapoint count and the time range covered.",
        footer = {"  skyloom collections open_data.copernicus.sentinel2_msi"})
final class CollectionsCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Parameters(index = "0", paramLabel = "DATASET",
            description = "Dataset slug, e.g. open_data.copernicus.sentinel2_msi.")
    private String dataset;

    @Override
    public Integer call() throws IOException {
        try (Connection connection = root.connect()) {
            Dataset found = Lookup.dataset(connection.client(), dataset);
            TextTable table = new TextTable(List.of("collection", "datapoints", "first", "last"));
            for (CollectionInfo info : found.collections()) {
                table.add(List.of(info.name(),
                        info.count().isPresent() ? Numbers.grouped(info.count().getAsLong()) : "?",
                        info.availability().map(a -> a.start().toString()).orElse("-"),
                        info.availability().map(a -> a.end().toString()).orElse("-")));
            }
            try (Writer out = OutputTarget.stdout(root.environment().out())) {
                table.print(out);
            }
        }
        return 0;
    }
}
