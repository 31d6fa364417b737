package dev.skyloom.local.store;

import com.google.protobuf.ByteString;
import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.demo.DemoSink;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalogue's bulk path writes exactly the rows an Ingest request with the same bytes writes. */
class CanonicalIngestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int SAMPLE = 600;

    private static DatasetSchema landsat;

    @TempDir
    Path dir;
    private static final List<CanonicalDatapoint> SAMPLED = new ArrayList<>();

    @BeforeAll
    static void sampleTheDemoLandsatCatalogue() {
        Sample sample = new Sample();
        try {
            DemoCatalog.writeTo(sample, DemoCatalog.DEFAULT_SEED);
        } catch (Enough enough) {
            // the sample is complete
        }
        landsat = DatasetSchema.of(sample.type);
        SAMPLED.addAll(sample.datapoints);
        assertThat(SAMPLED).hasSize(SAMPLE);
    }

    @Test
    void canonicalIngestStoresTheRowsOfAnIngestRequest() {
        UUID collection = UUID.randomUUID();
        List<String> viaRequest;
        List<String> viaCanonical;
        try (Database database = Database.open(null)) {
            List<ByteString> values = SAMPLED.stream().map(d -> ByteString.copyFrom(d.content())).toList();
            new Ingestor(new DatapointStore(database), CLOCK).ingest(collection, landsat, values, true);
            viaRequest = rows(database);
        }
        try (Database database = Database.openForBulkLoad(dir)) {
            Ingestor.Result result = new Ingestor(new DatapointStore(database), CLOCK)
                    .ingestCanonical(collection, landsat, SAMPLED);
            viaCanonical = rows(database);
            assertThat(result.counts().created()).isEqualTo(SAMPLE);
        }

        assertThat(viaCanonical).hasSize(SAMPLE).isEqualTo(viaRequest);
        assertThat(viaCanonical.getFirst()).doesNotContain("null");
    }

    /** Every column of every row, in id order. */
    private static List<String> rows(Database database) {
        return database.read(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, time_ms, data, min_x, min_y, max_x, max_y, "
                    + "s_min_x, s_min_y, s_max_x, s_max_y FROM datapoints ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    StringBuilder row = new StringBuilder(HexFormat.of().formatHex(r.getBytes(1)));
                    row.append('|').append(r.getLong(2)).append('|').append(HexFormat.of().formatHex(r.getBytes(3)));
                    for (int column = 4; column <= 11; column++) {
                        row.append('|').append(r.getObject(column));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        });
    }

    /** Thrown once the sample is complete, to stop generating the rest of the catalogue. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super("sample complete", null, false, false);
        }
    }

    /** Keeps the Landsat type and the first datapoints of its L1TP collection. */
    private static final class Sample implements DemoSink {
        private final List<CanonicalDatapoint> datapoints = new ArrayList<>();
        private AnnotatedType type;
        private UUID dataset;
        private UUID l1tp;

        @Override
        public void group(UUID id, UUID parentId, String codeName, String name) {
        }

        @Override
        public void dataset(UUID id, UUID groupId, String codeName, String name, String summary, String description,
                            DatasetType datasetType) {
            if (codeName.equals("landsat8_oli_tirs")) {
                dataset = id;
                type = DatasetTypeCompiler.compile(groupId, codeName, datasetType);
            }
        }

        @Override
        public void collection(UUID id, UUID datasetId, String name) {
            if (datasetId.equals(dataset) && name.equals("L1TP")) {
                l1tp = id;
            }
        }

        @Override
        public synchronized void ingest(UUID collectionId, List<CanonicalDatapoint> batch) {
            if (!collectionId.equals(l1tp)) {
                return;
            }
            for (CanonicalDatapoint datapoint : batch) {
                if (datapoints.size() == SAMPLE) {
                    throw new Enough();
                }
                datapoints.add(datapoint);
            }
        }
    }
}
