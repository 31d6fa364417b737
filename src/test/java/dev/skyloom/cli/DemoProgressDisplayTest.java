package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the first run's generation of the demo catalogue shows on stderr. */
class DemoProgressDisplayTest {

    @Test
    void withoutATerminalALineIsPrintedPerQuarterAndNothingWhenProgressIsOff() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ByteArrayOutputStream off = new ByteArrayOutputStream();
        try (DemoProgressDisplay display = new DemoProgressDisplay(ProgressDisplay.Mode.LINES,
                new PrintStream(lines, true, StandardCharsets.UTF_8));
             DemoProgressDisplay quiet = new DemoProgressDisplay(ProgressDisplay.Mode.OFF,
                     new PrintStream(off, true, StandardCharsets.UTF_8))) {
            for (long stored = 8192; stored < 174_092; stored += 8192) {
                display.onProgress(stored, 174_092);
                quiet.onProgress(stored, 174_092);
            }
            display.onProgress(174_092, 174_092);
            quiet.onProgress(174_092, 174_092);
        }

        assertThat(lines.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "skyloom: demo catalogue 25% (49,152 datapoints)", "skyloom: demo catalogue 50% (90,112 datapoints)",
                "skyloom: demo catalogue 75% (131,072 datapoints)",
                "skyloom: demo catalogue 100% (174,092 datapoints)");
        assertThat(off.size()).isZero();
    }

    @Test
    void theSubcommandsNoProgressOptionAlsoSilencesTheDemoCatalogue() {
        PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Environment pipe = new Environment(Map.of(), nowhere, nowhere, false, false);
        Environment terminal = new Environment(Map.of(), nowhere, nowhere, true, true);
        String[] query = {"query", "open_data.copernicus.landsat8_oli_tirs", "L1T", "--from", "2020-01-01", "--to",
            "2020-02-01"};

        assertThat(modeFor(pipe, query)).isEqualTo(ProgressDisplay.Mode.LINES);
        assertThat(modeFor(terminal, query)).isEqualTo(ProgressDisplay.Mode.BARS);
        assertThat(modeFor(terminal, append(query, "--no-progress"))).isEqualTo(ProgressDisplay.Mode.OFF);
        assertThat(modeFor(pipe, "collections", "open_data.copernicus.landsat8_oli_tirs"))
                .isEqualTo(ProgressDisplay.Mode.LINES);
    }

    private static ProgressDisplay.Mode modeFor(Environment environment, String... args) {
        CommandLine commandLine = Main.commandLine(environment);
        commandLine.parseArgs(args);
        return ((SkyloomCommand) commandLine.getCommand()).demoProgress();
    }

    private static String[] append(String[] args, String arg) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = arg;
        return all;
    }
}
