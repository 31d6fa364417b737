package dev.skyloom.cli;

import dev.skyloom.DatasetsClient;
import dev.skyloom.local.LocalServer;

/**
 * A client for one command, and the built-in local server it talks to when there is one; closing it closes both.
 *
 * @param client   the client
 * @param embedded the in-process server, or null when the client talks to a remote service
 */
record Connection(DatasetsClient client, LocalServer embedded) implements AutoCloseable {

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
