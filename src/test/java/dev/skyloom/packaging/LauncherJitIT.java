package dev.skyloom.packaging;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the JIT tiers the {@code skyloom} launcher picks: the quick tier alone for commands, both tiers for
 * {@code serve}, and {@code SKYLOOM_JAVA_OPTS} over either.
 */
class LauncherJitIT {

    private static final Pattern STOP_LEVEL = Pattern.compile("TieredStopAtLevel\\s+=\\s+(\\d+)");

    /** {@return the TieredStopAtLevel the JVM the launcher starts for {@code args} runs with} */
    private static int stopLevel(String javaOptions, String... args) throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(LauncherProcess.LAUNCHER,
                Map.of("SKYLOOM_JAVA_OPTS", "-XX:+PrintFlagsFinal " + javaOptions), args);
        assertThat(result.exit()).isZero();
        Matcher flag = STOP_LEVEL.matcher(result.out());
        assertThat(flag.find()).as("the JVM printed its flags").isTrue();
        return Integer.parseInt(flag.group(1));
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
