package dev.skyloom.bench;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the suite runs, from {@code key=value} arguments: {@code quick} (tiny sizes for a smoke run), {@code only=1,4}
 * (a subset of the scenarios), {@code reps=3} (timed repetitions per figure, the median is reported),
 * {@code out=target/bench} (where the JSON and Markdown go) and {@code jfr} (record the suite and the server
 * processes with JFR's profile settings, to see what limits a figure) and {@code baseline=JAR} (scenario 8 also runs
 * against the local server of another build, e.g. main's {@code target/skyloom-0.1.0-SNAPSHOT-cli.jar}).
 *
 * @param quick whether to use the tiny smoke-test sizes; default false
 * @param only  the scenario numbers to run; default all, 1 to 10
 * @param reps  repetitions per timed figure; default 3
 * @param out   the output directory; default {@code target/bench}
 * @param jfr   whether to write {@code bench.jfr} (this JVM) and {@code logs/server-N.jfr} to the output directory;
 *              default false
 * @param baseline the class path (a jar) of another build whose local server scenario 8 measures as "before"; null
 *              for none
 */
record BenchSettings(boolean quick, Set<Integer> only, int reps, Path out, boolean jfr, String baseline) {

    /** The scenario numbers. */
    static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    /** Validates the settings. */
    BenchSettings {
        only = Set.copyOf(only);
        if (only.isEmpty() || !ALL.containsAll(only)) {
            throw new IllegalArgumentException("only= takes scenario numbers 1 to 10, got "
                    + new TreeSet<>(only));
        }
        if (reps < 1 || reps > 50) {
            throw new IllegalArgumentException("reps= must be in 1..50, got " + reps);
        }
    }

    /** The defaults: every scenario, full sizes, 3 repetitions, {@code target/bench}. */
    static BenchSettings defaults() {
        return new BenchSettings(false, ALL, 3, Path.of("target", "bench"), false, null);
    }

    /**
     * Reads the arguments over the defaults; blank arguments are ignored.
     *
     * @throws IllegalArgumentException naming an unknown or malformed argument
     */
    static BenchSettings parse(String... args) {
        BenchSettings settings = defaults();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            settings = switch (key) {
                case "quick" -> new BenchSettings(true, settings.only, settings.reps, settings.out, settings.jfr,
                        settings.baseline);
                case "only" -> new BenchSettings(settings.quick, numbers(value), settings.reps, settings.out,
                        settings.jfr, settings.baseline);
                case "reps" -> new BenchSettings(settings.quick, settings.only, number(key, value), settings.out,
                        settings.jfr, settings.baseline);
                case "out" -> new BenchSettings(settings.quick, settings.only, settings.reps, Path.of(value),
                        settings.jfr, settings.baseline);
                case "jfr" -> new BenchSettings(settings.quick, settings.only, settings.reps, settings.out, true,
                        settings.baseline);
                case "baseline" -> new BenchSettings(settings.quick, settings.only, settings.reps, settings.out,
                        settings.jfr, value);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; use quick, only=1,4, reps=3, out=DIR, jfr, baseline=JAR");
            };
        }
        return settings;
    }

    private static Set<Integer> numbers(String list) {
        Set<Integer> numbers = new TreeSet<>();
        for (String part : list.split(",")) {
            numbers.add(number("only", part.strip()));
        }
        return numbers;
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "= expects a whole number, got '" + value + "'");
        }
    }

    /** The settings as the arguments that produce them, e.g. {@code quick only=1,4 reps=3 jfr}. */
    String arguments() {
        StringBuilder args = new StringBuilder(quick ? "quick " : "");
        if (!only.equals(ALL)) {
            args.append("only=").append(String.join(",", new TreeSet<>(only).stream().map(String::valueOf)
                    .toList())).append(' ');
        }
        return args.append("reps=").append(reps).append(jfr ? " jfr" : "")
                .append(baseline == null ? "" : " baseline=" + baseline).toString();
    }
}
