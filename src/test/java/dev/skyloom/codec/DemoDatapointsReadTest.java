package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.demo.DemoSink;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.DatasetType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.skyloom.codec.FieldOutcomes.assertReadsAsProtobuf;
import static org.assertj.core.api.Assertions.assertThat;

/** The fast field reader against protobuf's parser on the datapoints of every dataset of the demo catalogue. */
class DemoDatapointsReadTest {

    /** Every datapoint of a collection's first batches is compared, then one in this many. */
    private static final int SAMPLE = 50;
    private static final int FIRST = 1_000;

    @Test
    void everyDemoDatasetsDatapointsReadAsProtobufReadsThem() {
        Capture capture = new Capture();
        DemoCatalog.writeTo(capture, DemoCatalog.DEFAULT_SEED);

        assertThat(capture.types).hasSizeGreaterThanOrEqualTo(3);
        capture.datapoints.forEach((dataset, values) -> {
            DatapointType type = capture.types.get(dataset);
            assertThat(type.reader()).as(dataset).isNotNull();
            for (ByteString value : values) {
                assertReadsAsProtobuf(type, value);
            }
        });
        assertThat(capture.datapoints.values().stream().mapToInt(List::size).sum()).isGreaterThan(10_000);
    }

    /** Keeps each dataset's type and a sample of its datapoints, each with the id and ingestion time a service adds. */
    private static final class Capture implements DemoSink {
        private final Map<String, DatapointType> types = new LinkedHashMap<>();
        private final Map<String, List<ByteString>> datapoints = new LinkedHashMap<>();
        private final Map<UUID, String> datasets = new HashMap<>();
        private final Map<UUID, String> collections = new HashMap<>();
        private final Map<UUID, Integer> seen = new HashMap<>();

        @Override
        public synchronized void group(UUID id, UUID parentId, String codeName, String name) {
        }

        @Override
        public synchronized void dataset(UUID id, UUID groupId, String codeName, String name, String summary,
                            String description, DatasetType type) {
            datasets.put(id, codeName);
            types.put(codeName, new DatapointTypes().register(DatasetTypeCompiler.compile(groupId, codeName, type)));
            datapoints.put(codeName, new ArrayList<>());
        }

        @Override
        public synchronized void collection(UUID id, UUID datasetId, String name) {
            collections.put(id, datasets.get(datasetId));
        }

        @Override
        public synchronized void ingest(UUID collectionId, List<CanonicalDatapoint> values) {
            String dataset = collections.get(collectionId);
            DatapointType type = types.get(dataset);
            int idNumber = type.descriptor().findFieldByName("id").getNumber();
            int ingestionNumber = type.descriptor().findFieldByName("ingestion_time").getNumber();
            for (CanonicalDatapoint canonical : values) {
                byte[] value = canonical.content();
                int index = seen.merge(collectionId, 1, Integer::sum);
                if (index <= FIRST || index % SAMPLE == 0) {
                    UUID id = new UUID(collectionId.getMostSignificantBits(), index);
                    datapoints.get(dataset).add(ByteString.copyFrom(value).concat(MessageReaderTest.encode(out -> {
                        out.writeMessage(idNumber, Sentinel2Msi.uuid(id));
                        out.writeMessage(ingestionNumber, Sentinel2Msi.timestamp(Instant.ofEpochSecond(
                                1_735_689_600L + index, index)));
                    })));
                }
            }
        }
    }
}
