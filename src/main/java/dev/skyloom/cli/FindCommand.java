package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code skyloom find}: prints one datapoint by its id. */
@Command(name = "find",
        description = "Print one datapoint of a collection, found by its id, with every field.")
final class FindCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionArguments collectionArguments;

    @Parameters(index = "2", paramLabel = "DATAPOINT_ID", description = "The datapoint's id (a UUID).")
    private UUID id;

    @Option(names = "--format", paramLabel = "table|csv|jsonl|geojson", defaultValue = "jsonl",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        Environment environment = root.environment();
        WriteOptions.requireFile(format, "skyloom query with --output FILE", spec.commandLine());
        try (Connection connection = root.connect()) {
            Collection source = collectionArguments.resolve(connection.client());
            Datapoint datapoint = source.find(id);
            try (Writer out = OutputTarget.stdout(environment.out())) {
                DatapointWriter writer = DatapointWriter.of(format, out, null,
                        message -> environment.err().println("skyloom: warning: " + message));
                writer.write(List.of(datapoint));
                writer.finish();
            }
        }
        return 0;
    }
}
