package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What people expect of a modern CLI: help everywhere, examples, exit codes, --quiet, options where they apply. */
class ConventionsTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    private static List<String> commands() {
        return Main.commandLine(new Environment(Map.of(), System.out, System.err, false, false)).getSubcommands()
                .entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void helpNamesACommandAndPrintsItsHelp() {
        Cli.Result help = Cli.run("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: skyloom").contains("help").contains("load");

        Cli.Result helpLoad = Cli.run("help", "load");
        assertThat(helpLoad.exit()).isZero();
        assertThat(helpLoad.out()).isEqualTo(Cli.run("load", "--help").out()).startsWith("Usage: skyloom load");
    }

    @Test
    void everyCommandsHelpHasExamplesAndTheExitCodes() {
        assertThat(commands()).contains("datasets", "collections", "query", "find", "load", "ingest", "delete",
                "create-collection", "serve", "generate-completion", "help");
        for (String command : commands()) {
            if (command.equals("help")) {
                continue;
            }
            String help = Cli.run(command, "--help").out();
            assertThat(help).as(command).containsPattern("\nExamples:\n  .*skyloom ").contains(
                    "\nExit codes:\n  0   success\n  1   runtime or server error\n  2   usage error\n");
            assertThat(help.indexOf("Examples:")).as(command).isLessThan(help.indexOf("Exit codes:"));
        }
    }

    @Test
    void helpIsAsWideAsTheTerminal() {
        for (int columns : new int[]{60, 100, 160}) {
            Cli.Result help = Cli.runOnTerminal(Map.of("COLUMNS", String.valueOf(columns)), "query", "--help");
            List<String> lines = help.out().lines().toList();
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(columns));
            assertThat(lines.stream().mapToInt(String::length).max().orElseThrow()).isGreaterThan(columns - 12);
        }
        assertThat(Cli.runOnTerminal(Map.of("COLUMNS", "100"), "datasets", "--help").out())
                .contains("Default: https://api.tilebox.com, or the");
    }

    @Test
    void serviceOptionsAreOnlyWhereTheyApply() {
        Cli.Result serve = Cli.run("serve", "--url", "http://127.0.0.1:1");
        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err()).startsWith("skyloom: Unknown options: '--url'");
        assertThat(Cli.run("serve", "--help").out()).doesNotContain("--url").doesNotContain("--timeout")
                .contains("--api-key=KEY");
        assertThat(Cli.run("generate-completion", "--help").out()).doesNotContain("--url")
                .doesNotContain("--api-key").doesNotContain("--timeout");
        assertThat(Cli.run("datasets", "--help").out()).contains("--url").contains("--api-key").contains("--timeout");
    }

    @Test
    void quietPrintsOnlyErrors() {
        Cli.Result quiet = Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-03-01", "-q");
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).startsWith("time,");
        Cli.Result loud = Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-03-01");
        assertThat(loud.err()).contains("L1T: 100%");

        Cli.Result failing = Cli.run("--url", DemoFixture.url(), "-q", "collections", "no_such_dataset");
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.err()).startsWith("skyloom: no dataset 'no_such_dataset'");
        Cli.Result embedded = Cli.run(Map.of("XDG_CACHE_HOME", DemoFixture.cacheHome().toString()), "--quiet",
                "datasets");
        assertThat(embedded.exit()).isZero();
        assertThat(embedded.err()).as("no notice about the demo server").isEmpty();
    }

    @Test
    void countsAreGroupedForPeopleAndPlainForMachines() {
        Cli.Result collections = Cli.run("--url", DemoFixture.url(), "collections", LANDSAT);
        assertThat(collections.out()).containsPattern("L1GT +\\d{2},\\d{3} ");
        Cli.Result table = Cli.runOnTerminal(Map.of("COLUMNS", "200"), "--url", DemoFixture.url(), "query",
                LANDSAT, "L1GT", "--from", "2020-01-01", "--to", "2020-12-01", "--fields", "time,path,row",
                "--max", "1500");
        assertThat(table.out()).endsWith("(1,500 datapoints)\n");
        Cli.Result csv = Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L1GT", "--from", "2020-01-01",
                "--to", "2020-12-01", "--fields", "path", "--max", "3", "--format", "jsonl");
        assertThat(csv.out()).containsPattern("\\{\"path\":\\d+}");
    }

    @Test
    void manPagesAreGeneratedFromTheCommands(@TempDir Path dir) throws IOException {
        Cli.Result result = Cli.run("gen-manpage", "--outdir", dir.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(dir.resolve("skyloom.adoc")).exists();
        String load = Files.readString(dir.resolve("skyloom-load.adoc"));
        assertThat(load).contains(":doctype: manpage").contains("--output-dir").contains("Examples");
    }
}
