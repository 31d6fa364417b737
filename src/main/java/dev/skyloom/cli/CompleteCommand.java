package dev.skyloom.cli;

import dev.skyloom.CollectionInfo;
import dev.skyloom.DatasetInfo;
import dev.skyloom.DatasetsClient;
import dev.skyloom.RetryPolicy;
import dev.skyloom.local.LocalServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code skyloom __complete -- WORD...}: what the shell completion script asks when Tab is pressed. The words are
 * the command line after {@code skyloom}, the last one the word being completed (empty after a space). It prints the
 * candidates, one per line: subcommands, options, option values, and names the server knows (dataset slugs, the
 * collections and fields of the dataset typed before), fetched with the {@code --url}/{@code --api-key} on the line
 * and kept for {@link NameCache#TTL}. It prints nothing where a file name is wanted (the script then completes
 * files), and nothing at all on any error: completion must never spill errors into a prompt.
 */
@Command(name = CompleteCommand.NAME, hidden = true,
        description = "Print shell completion candidates for a partial command line (used by the completion script).")
final class CompleteCommand implements Callable<Integer> {

    /** The subcommand's name; the leading underscores keep it out of people's way, as in gh and kubectl. */
    static final String NAME = "__complete";

    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(5);

    private final SkyloomCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORD", description = "The words after 'skyloom'.")
    private List<String> words = new ArrayList<>();

    CompleteCommand(SkyloomCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        try {
            List<String> candidates = candidates(spec.root(), words);
            candidates.forEach(root.environment().out()::println);
        } catch (RuntimeException e) {
            // Nothing reaches the prompt.
        }
        root.environment().out().flush();
        return 0;
    }

    /** What the line typed so far says: the command, its positionals, the option waiting for a value, the server. */
    private static final class Line {
        CommandSpec command;
        final List<String> positionals = new ArrayList<>();
        OptionSpec pending;
        String url;
        String apiKey;
    }

    private List<String> candidates(CommandSpec top, List<String> all) {
        List<String> typed = all.isEmpty() ? List.of("") : all;
        String current = typed.getLast();
        Line line = read(top, typed.subList(0, typed.size() - 1));
        if (line.pending != null) {
            return matching(optionValues(line, line.pending, current), current);
        }
        if (current.startsWith("-")) {
            return matching(optionNames(line.command), current);
        }
        if (line.command == top) {
            return matching(top.subcommands().entrySet().stream()
                    .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(e -> e.getKey())
                    .toList(), current);
        }
        int index = line.positionals.size();
        for (PositionalParamSpec positional : line.command.positionalParameters()) {
            if (positional.index().contains(index)) {
                return matching(positionalValues(line, positional), current);
            }
        }
        return List.of();
    }

    private static Line read(CommandSpec top, List<String> before) {
        Line line = new Line();
        line.command = top;
        boolean endOfOptions = false;
        for (String word : before) {
            if (line.pending != null) {
                remember(line, line.pending, word);
                line.pending = null;
            } else if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && word.startsWith("-") && word.length() > 1) {
                int equals = word.indexOf('=');
                OptionSpec option = line.command.findOption(equals > 0 ? word.substring(0, equals) : word);
                if (option != null && equals > 0) {
                    remember(line, option, word.substring(equals + 1));
                } else if (option != null && option.arity().max() > 0 && !option.typeInfo().isBoolean()) {
                    line.pending = option;
                }
            } else if (line.command == top && top.subcommands().containsKey(word)) {
                line.command = top.subcommands().get(word).getCommandSpec();
            } else {
                line.positionals.add(word);
            }
        }
        return line;
    }

    private static void remember(Line line, OptionSpec option, String value) {
        switch (option.longestName()) {
            case "--url" -> line.url = value;
            case "--api-key" -> line.apiKey = value;
            default -> { }
        }
    }

    private static List<String> optionNames(CommandSpec command) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    private List<String> optionValues(Line line, OptionSpec option, String current) {
        if (option.longestName().equals("--fields") && !line.positionals.isEmpty()) {
            int comma = current.lastIndexOf(',');
            String done = current.substring(0, comma + 1);
            return fromServer(line, "fields " + line.positionals.getFirst(),
                    client -> client.dataset(line.positionals.getFirst()).fieldNames()).stream()
                    .map(name -> done + name).toList();
        }
        return candidatesOf(option.completionCandidates(), option.typeInfo().isEnum());
    }

    private List<String> positionalValues(Line line, PositionalParamSpec positional) {
        return switch (positional.paramLabel()) {
            case "DATASET" -> fromServer(line, "datasets",
                    client -> client.datasets().datasets().stream().map(DatasetInfo::slug).toList());
            case "COLLECTION" -> line.positionals.isEmpty() ? List.of()
                    : fromServer(line, "collections " + line.positionals.getFirst(),
                    client -> client.dataset(line.positionals.getFirst()).collections().stream()
                            .map(CollectionInfo::name).toList());
            default -> candidatesOf(positional.completionCandidates(), positional.typeInfo().isEnum());
        };
    }

    private static List<String> candidatesOf(Iterable<String> candidates, boolean isEnum) {
        List<String> result = new ArrayList<>();
        if (candidates != null) {
            candidates.forEach(c -> result.add(isEnum ? c.toLowerCase(Locale.ROOT) : c));
        }
        return result;
    }

    /** Names from the server of the line (or the built-in demo server), through the cache. */
    private List<String> fromServer(Line line, String question, Function<DatasetsClient, List<String>> ask) {
        Environment environment = root.environment();
        String key = line.apiKey != null ? line.apiKey : environment.variable("TILEBOX_API_KEY").orElse(null);
        String url = line.url != null ? line.url : key != null ? SkyloomCommand.DEFAULT_URL : null;
        String cacheKey = (url == null ? "demo" : url) + "\n" + (key == null ? "" : NameCache.hash(key)) + "\n"
                + question;
        NameCache cache = new NameCache(environment.cacheDir().resolve("completion"), NameCache.TTL);
        return cache.names(cacheKey, () -> {
            LocalServer demo = url == null ? DemoServer.start(environment.quiet(), ProgressDisplay.Mode.OFF) : null;
            try (DatasetsClient client = DatasetsClient.builder()
                    .url(demo != null ? demo.url().toString() : url).apiKey(key)
                    .attemptTimeout(SERVER_TIMEOUT).retryPolicy(RetryPolicy.none()).build()) {
                return ask.apply(client).stream().filter(CompleteCommand::typeable).toList();
            } finally {
                if (demo != null) {
                    demo.close();
                }
            }
        });
    }

    /** A name that a shell can take as one word: no control characters, no spaces, nothing to escape. */
    private static boolean typeable(String name) {
        return !name.isEmpty() && TerminalText.safe(name).equals(name) && name.chars().noneMatch(
                c -> Character.isWhitespace(c) || "'\"\\$`".indexOf(c) >= 0);
    }

    private static List<String> matching(List<String> candidates, String prefix) {
        return new ArrayList<>(new TreeSet<>(candidates.stream().filter(c -> c.startsWith(prefix)).toList()));
    }

    /** @return the command line, for tests */
    CommandLine commandLine() {
        return spec.commandLine();
    }
}
