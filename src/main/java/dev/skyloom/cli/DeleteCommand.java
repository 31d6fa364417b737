package dev.skyloom.cli;

import dev.skyloom.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code skyloom delete}: deletes datapoints of a collection by id. */
@Command(name = "delete", sortOptions = false,
        description = "Delete datapoints of a collection by id. A batch with an id that does not exist is deleted"
                + " not at all, and the error says how many were deleted before it.",
        footer = {"  skyloom delete my_dataset 2025 --ids ids.txt",
                "  skyloom query my_dataset 2025 --from 2025-01-01 --to 2025-02-01 \\",
                "      --fields id --format csv | tail -n +2 | skyloom delete my_dataset 2025 --ids -"})
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Mixin
    private CollectionArguments arguments;

    @Option(names = "--ids", required = true, paramLabel = "FILE|-",
            description = "Datapoint ids, one per line ('-' reads stdin); blank lines and lines starting with #"
                    + " are skipped.")
    private String ids;

    @Override
    public Integer call() {
        List<UUID> parsed = parse(ids.equals("-") ? "stdin" : ids, read());
        try (Connection connection = root.connect()) {
            Collection target = arguments.resolve(connection.client());
            long deleted = target.delete(parsed);
            root.environment().out().println("deleted " + deleted + " datapoints from " + arguments.path());
        }
        return 0;
    }

    private String read() {
        try {
            if (ids.equals("-")) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(ids));
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + ids + ": " + e.getMessage(), e);
        }
    }

    static List<UUID> parse(String source, String text) {
        List<UUID> parsed = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parsed.add(UUID.fromString(line));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(source + " line " + (i + 1) + ": '" + line + "' is not a datapoint id"
                        + " (a UUID such as 01941f29-c650-202f-6495-c71dd2118fb1); nothing was deleted", e);
            }
        }
        return parsed;
    }
}
