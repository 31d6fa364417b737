package dev.example.consumer;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import dev.skyloom.Query;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's "LocalServer in your tests" example, as a user's test runs it. */
class LocalServerExampleTest {

    static LocalServer server;
    static DatasetsClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());            // in memory, on a free port
        client = DatasetsClient.builder().url(server.url()).apiKey(null).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void storesAndLoadsDatapoints() {
        Dataset trips = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "field_trips",
                List.of(FieldSpec.of("site", FieldType.STRING)), "Field trips");
        Collection lake = trips.getOrCreateCollection("lake");
        lake.ingest(List.of(Map.of("time", Instant.parse("2025-01-01T10:00:00Z"), "site", "Lake A")));

        Query day = Query.between("2025-01-01", "2025-01-02");
        assertEquals("Lake A", lake.query(day).getFirst().get("site"));
        assertEquals(1, ConcurrentLoader.create().load(List.of(lake), day).totals().datapoints());
    }
}
