package dev.example.consumer;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

/** {@link Readings} against a LocalServer started in this JVM: on the module path, it needs the SQLite driver too. */
public final class ServeAndLoad {

    private ServeAndLoad() {
    }

    public static void main(String[] args) {
        int status;
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults().withPageSize(100))) {
            status = Readings.run(server.url());
        }
        System.exit(status);
    }
}
