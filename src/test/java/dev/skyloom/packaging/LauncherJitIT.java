package dev.skyloom.packaging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the JIT tiers the {@code skyloom} launcher picks: the quick tier alone for commands, both tiers for
 * {@code serve}, and {@code SKYLOOM_JAVA_OPTS} over either.
 */
class LauncherJitIT {

    private static final Path ROOT = Path.of(System.getProperty("skyloom.build", "target")).toAbsolutePath()
            .getParent();
    private static final Pattern STOP_LEVEL = Pattern.compile("TieredStopAtLevel\\s+=\\s+(\\d+)");

    /** {@return the TieredStopAtLevel the JVM the launcher starts for {@code args} runs with} */
    private static int stopLevel(String javaOptions, String... args) throws Exception {
        Path out = Files.createTempFile("launcher", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("skyloom").toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.command().addAll(List.of(args));
            builder.environment().put("SKYLOOM_JAVA_OPTS", "-XX:+PrintFlagsFinal " + javaOptions);
            Process process = builder.start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
            assertThat(process.exitValue()).isZero();
            Matcher flag = STOP_LEVEL.matcher(Files.readString(out, StandardCharsets.UTF_8));
            assertThat(flag.find()).as("the JVM printed its flags").isTrue();
            return Integer.parseInt(flag.group(1));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void commandsRunOnTheQuickTierAlone() throws Exception {
        assertThat(stopLevel("", "--version")).isEqualTo(1);
        assertThat(stopLevel("", "--timeout", "5s", "datasets", "--help")).isEqualTo(1);
    }

    @Test
    void serveKeepsBothTiersWhereverItsOptionsStand() throws Exception {
        assertThat(stopLevel("", "serve", "--help")).isEqualTo(4);
        assertThat(stopLevel("", "--url", "http://127.0.0.1:1", "serve", "--help")).isEqualTo(4);
        assertThat(stopLevel("", "--url=http://127.0.0.1:1", "--verbose", "serve", "--help")).isEqualTo(4);
    }

    @Test
    void theUsersOptionsWin() throws Exception {
        assertThat(stopLevel("-XX:TieredStopAtLevel=4", "--version")).isEqualTo(4);
    }
}
