package dev.skyloom.cli;

import dev.skyloom.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code skyloom create-collection}: creates a collection in a dataset. */
@Command(name = "create-collection", mixinStandardHelpOptions = true,
        description = "Create a collection in a dataset and print its id.",
        footer = {"  skyloom create-collection my_dataset 2025"})
final class CreateCollectionCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset slug.")
    private String dataset;

    @Parameters(index = "1", paramLabel = "NAME", description = "The new collection's name.")
    private String name;

    @Override
    public Integer call() {
        try (Connection connection = root.connect()) {
            Collection created = Lookup.dataset(connection.client(), dataset).createCollection(name);
            root.environment().out().println("created collection " + created.name() + " (" + created.id() + ") in "
                    + dataset);
        }
        return 0;
    }
}
