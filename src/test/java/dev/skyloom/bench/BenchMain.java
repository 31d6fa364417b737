package dev.skyloom.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark suite, prints its table and writes {@code bench.json} and {@code bench.md} to the output
 * directory. Started by {@code ./mvnw -B -q test-compile exec:exec@bench}; arguments as {@link BenchSettings}
 * ({@code -Dbench.args="only=1,4 reps=5"}). Exits with status 1 if a scenario could not run, 2 on bad arguments.
 */
public final class BenchMain {

    private static final String COMMAND = "./mvnw -B -q test-compile exec:exec@bench";

    private BenchMain() {
    }

    /**
     * Runs the suite with the given arguments.
     *
     * @param args {@code key=value} arguments, see {@link BenchSettings}
     */
    public static void main(String[] args) throws IOException {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SuiteReport report = run(settings, System.out);
        System.out.println();
        System.out.println(ReportWriter.markdown(report));
        System.out.println("Written: " + settings.out().resolve(ReportWriter.JSON) + " and "
                + settings.out().resolve(ReportWriter.MARKDOWN));
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    /**
     * Runs the chosen scenarios in order and writes the report files; a scenario that fails is reported and the
     * others still run.
     *
     * @param settings what to run and where to write
     * @param log      where progress lines go
     * @return the report, as written
     * @throws IOException if the report files cannot be written
     */
    static SuiteReport run(BenchSettings settings, PrintStream log) throws IOException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Machine machine = Machine.current();
        log.println("Skyloom benchmark suite: " + machine.describe());
        List<ScenarioReport> reports = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Files.createDirectories(settings.out());
        try (Recording recording = settings.jfr() ? new Recording(Configuration.getConfiguration("profile"))
                : null) {
            if (recording != null) {
                recording.setDestination(settings.out().resolve("bench.jfr"));
                recording.start();
            }
            runScenarios(settings, log, reports, failures);
        } catch (ParseException e) {
            throw new IOException("the JDK's JFR profile settings cannot be read", e);
        }
        SuiteReport report = new SuiteReport(start.toString(), machine,
                COMMAND + (settings.arguments().equals("reps=3") ? "" : " -Dbench.args=\"" + settings.arguments()
                        + "\""), settings.quick(), (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0,
                reports, failures);
        ReportWriter.write(report, settings.out());
        return report;
    }

    private static void runScenarios(BenchSettings settings, PrintStream log, List<ScenarioReport> reports,
                                     List<String> failures) {
        for (Scenario scenario : scenarios()) {
            if (!settings.only().contains(scenario.number())) {
                continue;
            }
            log.printf("Scenario %d: %s%n", scenario.number(), scenario.title());
            long began = System.nanoTime();
            try {
                reports.add(scenario.run(settings, log));
                log.printf("  done in %.0f s%n", (System.nanoTime() - began) / 1e9);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                String failure = "scenario " + scenario.number() + " (" + scenario.title() + "): " + e;
                failures.add(failure);
                log.println("  FAILED: " + failure);
                e.printStackTrace(log);
            }
        }
    }

    /** Every scenario, in the order they run: the decoder first, while the machine is still quiet. */
    private static List<Scenario> scenarios() {
        return List.of(new DecodeScenario(), new FanOutScenario(), new LandsatScenario(), new SplitScenario(),
                new ScaleScenario(), new MemoryScenario(), new WholeCommandScenario(), new LoadScenario(),
                new BigLoadScenario(), new WriterScenario());
    }
}
