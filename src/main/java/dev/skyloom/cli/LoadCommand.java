package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Dataset;
import dev.skyloom.Query;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code skyloom load}: loads several collections of one dataset concurrently (or one after another with
 * {@code --sequential}), with live progress, then writes the datapoints and prints a summary table on stderr.
 */
@Command(name = "load", sortOptions = false,
        description = {"Load one or more collections of a dataset concurrently, with a live progress bar per"
                + " collection, then print a summary (collection, datapoints, pages, MB, seconds) on stderr.", "",
                "Datapoints go to --output-dir (one file per collection) or, with --format or when stdout is not a"
                        + " terminal, to stdout with a 'collection' column. Here --timeout bounds the whole load."},
        footer = {"  skyloom load open_data.copernicus.landsat8_oli_tirs \\",
                "      L1GT L1T L1TP L2SP --from 2020-01-01 --to 2021-01-01 --output-dir data",
                "  skyloom load open_data.copernicus.landsat8_oli_tirs L1GT L1T \\",
                "      --from 2020-01-01 --to 2020-02-01 --split auto --format jsonl > out.jsonl",
                "  skyloom load open_data.copernicus.sentinel2_msi S2A_S2MSI1C S2B_S2MSI1C \\",
                "      --from 2025-01-01 --to 2025-01-02 --fields time,id,cloud_cover \\",
                "      --format csv"})
final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset slug.")
    private String dataset;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COLLECTION", description = "Collection names.")
    private List<String> collections;

    @Mixin
    private IntervalOptions interval;

    @Mixin
    private LoadOptions load;

    @Mixin
    private FilterOptions filters;

    @Mixin
    private WriteOptions write;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write one file per collection into DIR (created if missing), named <collection>.<format>.")
    private Path outputDir;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        Query query = filters.apply(Query.of(interval.interval(commandLine)), commandLine);
        List<String> names = List.copyOf(new LinkedHashSet<>(collections));
        if (names.size() != collections.size()) {
            throw new ParameterException(commandLine, "a collection is named twice: " + collections);
        }
        load.validate(commandLine);
        Environment environment = root.environment();
        if (outputDir != null) {
            OutputTarget.directory(outputDir, "--output-dir", commandLine);
        } else {
            WriteOptions.requireFile(write.format(environment, false), "--output-dir DIR", commandLine);
        }
        LoadSummary summary = new LoadSummary();
        Map<String, List<Datapoint>> loaded = new LinkedHashMap<>();
        Duration wall;
        Dataset found;
        try (Connection connection = root.connect()) {
            found = Lookup.dataset(connection.client(), dataset);
            filters.checkFields(found, commandLine);
            write.fields(found, commandLine);
            List<Collection> sources = Lookup.collections(found, dataset, names);
            try (ProgressDisplay progress = write.progress(environment, names)) {
                wall = load.run(sources, progress, query, loaded, summary);
            }
        }
        writeData(found, loaded, environment, commandLine);
        try (Writer err = OutputTarget.stdout(environment.err())) {
            summary.print(err, wall, load.describe());
        }
        if (!summary.failures().isEmpty()) {
            throw new CommandFailure(summary.failures().size() + " of " + names.size() + " collections failed; "
                    + String.join("; ", summary.failures()), null);
        }
        return 0;
    }

    private void writeData(Dataset found, Map<String, List<Datapoint>> loaded, Environment environment,
                           CommandLine commandLine) throws IOException {
        if (outputDir != null) {
            OutputFormat format = write.format(environment, true);
            for (Map.Entry<String, List<Datapoint>> entry : loaded.entrySet()) {
                Path file = outputDir.resolve(entry.getKey() + "." + format.extension());
                try (Writer out = OutputTarget.open(file, "--output-dir", environment.out(), commandLine)) {
                    DatapointWriter writer = write.writer(format, out, file, environment, found, commandLine);
                    writer.write(entry.getValue());
                    writer.finish();
                }
            }
            return;
        }
        if (!write.formatGiven() && environment.outIsTerminal()) {
            environment.err().println("skyloom: datapoints not written; add --output-dir DIR or --format FORMAT");
            return;
        }
        try (Writer out = OutputTarget.stdout(environment.out())) {
            DatapointWriter writer = write.writer(write.format(environment, false), out, null, environment, found,
                    commandLine);
            for (Map.Entry<String, List<Datapoint>> entry : loaded.entrySet()) {
                writer.write(entry.getKey(), entry.getValue());
            }
            writer.finish();
        }
    }
}
