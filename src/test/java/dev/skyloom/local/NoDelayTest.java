package dev.skyloom.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelayTest {

    @Test
    void startingAServerTurnsOffNaglesAlgorithmForTheJdkHttpServer() {
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults())) {
            assertThat(server.port()).isPositive();
            assertThat(System.getProperty(LocalServer.NODELAY_PROPERTY)).isEqualTo("true");
        }
    }
}
