package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests against one {@link FakeTilebox} per test class, with a client for it; after each test, no loader thread may
 * be left alive, and the server forgets everything.
 */
abstract class FakeTileboxTests {

    static FakeTilebox server;
    static DatasetsClient client;

    @BeforeAll
    static void startServer() {
        server = new FakeTilebox();
        client = DatasetsClient.builder().url(server.url()).apiKey("test-key").build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(ThreadDump.take().threadsStartingWith("skyloom-load")).isEmpty();
        server.reset();
    }

    /** {@return the collections of the fake dataset with these names} */
    static List<Collection> collections(List<String> names) {
        Dataset dataset = client.dataset(FakeTilebox.SLUG);
        return names.stream().map(dataset::collection).toList();
    }
}
