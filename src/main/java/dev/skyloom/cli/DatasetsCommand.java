package dev.skyloom.cli;

import dev.skyloom.DatasetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skyloom datasets}: lists every dataset visible to the caller. */
@Command(name = "datasets",
        description = "List the datasets: slug, kind and name.",
        footer = {"  skyloom datasets", "  skyloom datasets --url https://api.tilebox.com --api-key \"$TILEBOX_API_KEY\""})
final class DatasetsCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Override
    public Integer call() throws IOException {
        try (Connection connection = root.connect()) {
            List<DatasetInfo> datasets = connection.client().datasets().datasets();
            TextTable table = new TextTable(List.of("slug", "kind", "name"));
            for (DatasetInfo dataset : datasets) {
                table.add(List.of(dataset.slug(), dataset.kind().name().toLowerCase(Locale.ROOT), dataset.name()));
            }
            try (Writer out = OutputTarget.stdout(root.environment().out())) {
                table.print(out);
            }
        }
        return 0;
    }
}
