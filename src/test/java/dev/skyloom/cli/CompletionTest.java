package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shell completion: the script hands the words to '__complete', which answers with names from the server. */
class CompletionTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    private static List<String> complete(Map<String, String> variables, String... words) {
        List<String> args = new ArrayList<>(List.of("__complete", "--"));
        args.addAll(List.of(words));
        Cli.Result result = Cli.run(variables, args.toArray(String[]::new));
        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        return result.out().lines().toList();
    }

    private static List<String> complete(Path cacheHome, String... words) {
        return complete(Map.of("XDG_CACHE_HOME", cacheHome.toString()), words);
    }

    @Test
    void commandsAndOptionsComplete(@TempDir Path cache) {
        assertThat(complete(cache, "")).contains("collections", "datasets", "load", "query", "help")
                .doesNotContain(CompleteCommand.NAME, "gen-manpage");
        assertThat(complete(cache, "lo")).containsExactly("load");
        assertThat(complete(cache, "query", LANDSAT, "L1T", "--f")).containsExactly("--fields", "--filter",
                "--format", "--from");
        assertThat(complete(cache, "query", LANDSAT, "L1T", "--mode", "")).containsExactly("contains", "covers",
                "intersects");
        assertThat(complete(cache, "query", LANDSAT, "L1T", "--format", "")).contains("parquet");
        assertThat(complete(cache, "serve", "--")).doesNotContain("--url").contains("--port");
    }

    @Test
    void datasetCollectionAndFieldNamesComeFromTheServer(@TempDir Path cache) {
        String url = DemoFixture.url();
        assertThat(complete(cache, "--url", url, "collections", "open_data.copernicus.l")).containsExactly(LANDSAT);
        assertThat(complete(cache, "load", "--url", url, LANDSAT, "L1")).containsExactly("L1GT", "L1T", "L1TP");
        assertThat(complete(cache, "load", "--url", url, LANDSAT, "L1GT", "L2")).containsExactly("L2SP");
        assertThat(complete(cache, "query", "--url=" + url, LANDSAT, "L1T", "--fields", "time,cl"))
                .containsExactly("time,cloud_cover", "time,cloud_cover_land");
        assertThat(complete(cache, "create-collection", "--url", url, LANDSAT, "")).isEmpty();
    }

    @Test
    void namesAreCachedBriefly(@TempDir Path cache) {
        LocalServer server = DemoFixture.another(LocalServerConfig.defaults());
        String url = server.url().toString();
        List<String> first;
        try (server) {
            first = complete(cache, "--url", url, "load", LANDSAT, "");
        }
        assertThat(first).containsExactly("L1GT", "L1T", "L1TP", "L2SP");
        assertThat(complete(cache, "--url", url, "load", LANDSAT, "")).as("from the cache, the server gone")
                .isEqualTo(first);
        assertThat(complete(cache, "--url", url, "load", "open_data.copernicus.sentinel2_msi", ""))
                .as("not cached: nothing, and no error").isEmpty();
    }

    @Test
    void theBashScriptPassesTheWordsToComplete(@TempDir Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("skyloom.bash");
        Files.writeString(script, Cli.run("generate-completion").out());
        Path words = dir.resolve("words");
        String test = "source " + script + "\n"
                + "skyloom() { printf '%s\\n' \"$@\" > " + words + "; printf 'L1GT\\nL1T\\n'; }\n"
                + "COMP_WORDS=(skyloom load " + LANDSAT + " L1); COMP_CWORD=3\n"
                + "_skyloom_complete\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", test).redirectErrorStream(true).start();
        String reply = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(reply).isZero();

        assertThat(Files.readAllLines(words)).containsExactly(CompleteCommand.NAME, "--", "load", LANDSAT, "L1");
        assertThat(reply.lines().toList()).containsExactly("L1GT", "L1T");
        assertThat(Cli.run("generate-completion", "zsh").out()).startsWith("autoload -U +X bashcompinit");
    }
}
