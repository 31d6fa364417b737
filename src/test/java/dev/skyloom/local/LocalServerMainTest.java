package dev.skyloom.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalServerMainTest {

    @Test
    void flagsSetEverySetting() {
        LocalServerConfig config = LocalServerMain.parse(new String[] {"--port", "8123", "--host", "0.0.0.0",
            "--data", "/tmp/sky", "--demo", "--latency", "50ms", "--jitter", "2s", "--page-size", "250",
            "--bandwidth", "12.5", "--fault-rate", "0.25", "--api-key", "tbx-k", "--seed", "9000000000",
            "--max-request-bytes", "1048576", "--read-timeout", "2s", "--idle-timeout", "5s",
            "--demo-cache", "/tmp/cache", "--read-only", "--synthetic",
            "open_data.synthetic/big=5_000_000,open_data.synthetic/small=10"});

        assertThat(config).isEqualTo(new LocalServerConfig("0.0.0.0", 8123, Path.of("/tmp/sky"), true,
                Duration.ofMillis(50), Duration.ofSeconds(2), 250, 12.5, 0.25, "tbx-k", 9_000_000_000L, false, 0,
                1 << 20, Duration.ofSeconds(2), Duration.ofSeconds(5), Path.of("/tmp/cache"), true,
                List.of(new SyntheticCollection("open_data.synthetic", "big", 5_000_000),
                        new SyntheticCollection("open_data.synthetic", "small", 10))));
    }

    @Test
    void inMemoryOverridesAnEarlierDataDirectory() {
        assertThat(LocalServerMain.parse(new String[] {"--data", "/tmp/x", "--in-memory"}).dataDir()).isNull();
        assertThat(LocalServerMain.parse(new String[0])).isEqualTo(LocalServerConfig.defaults());
    }

    @Test
    void badFlagsAreNamed() {
        assertThatThrownBy(() -> LocalServerMain.parse(new String[] {"--latency", "soon"}))
                .hasMessageContaining("--latency").hasMessageContaining("soon");
        assertThatThrownBy(() -> LocalServerMain.parse(new String[] {"--port"}))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalServerMain.parse(new String[] {"--colour", "blue"}))
                .hasMessageContaining("unknown flag: --colour");
        assertThatThrownBy(() -> LocalServerMain.parse(new String[] {"--fault-rate", "2"}))
                .hasMessageContaining("fault rate must be in 0..1");
    }
}
