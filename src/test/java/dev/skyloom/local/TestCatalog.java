package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.ID;
import dev.skyloom.wire.tilebox.v1.Pagination;
import dev.skyloom.wire.tilebox.v1.TimeInterval;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds test datasets, collections and datapoints on a running server through its RPCs. */
final class TestCatalog {

    static final String CREATE_DATASET = "/datasets.v1.DatasetService/CreateDataset";
    static final String CREATE_COLLECTION = "/datasets.v1.CollectionService/CreateCollection";
    static final String INGEST = "/datasets.v1.DataIngestionService/Ingest";
    static final String QUERY = "/datasets.v1.DataAccessService/Query";

    private static final Map<String, Descriptor> DESCRIPTORS = new ConcurrentHashMap<>();

    final ConnectTestClient client;

    TestCatalog(ConnectTestClient client) {
        this.client = client;
    }

    /** Creates a dataset with one custom string field {@code label}. */
    Dataset dataset(String codeName, DatasetKind kind) {
        DatasetType type = DatasetType.newBuilder().setKind(kind)
                .addFields(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING, false, "a label", "x"))
                .build();
        return client.call(CREATE_DATASET, CreateDatasetRequest.newBuilder().setName(codeName).setCodeName(codeName)
                .setType(type).build(), Dataset.parser());
    }

    CollectionInfo collection(Dataset dataset, String name) {
        return client.call(CREATE_COLLECTION, CreateCollectionRequest.newBuilder().setDatasetId(dataset.getId())
                .setName(name).build(), CollectionInfo.parser());
    }

    IngestResponse ingest(CollectionInfo collection, List<byte[]> values, boolean allowExisting) {
        IngestRequest.Builder request = IngestRequest.newBuilder()
                .setCollectionId(collection.getCollection().getId()).setAllowExisting(allowExisting);
        values.forEach(v -> request.addValues(ByteString.copyFrom(v)));
        return client.call(INGEST, request.build(), IngestResponse.parser());
    }

    QueryResultPage query(Dataset dataset, QueryFilters filters, Pagination page, boolean skipData) {
        QueryRequest.Builder request = QueryRequest.newBuilder().setDatasetId(dataset.getId()).setFilters(filters)
                .setSkipData(skipData);
        if (page != null) {
            request.setPage(page);
        }
        return client.call(QUERY, request.build(), QueryResultPage.parser());
    }

    /** Every datapoint of a query, following next_page, and the number of pages it took. */
    List<DynamicMessage> queryAll(Dataset dataset, QueryFilters filters, Long limit, int[] pages) {
        List<DynamicMessage> all = new ArrayList<>();
        Pagination page = limit == null ? null : Pagination.newBuilder().setLimit(limit).build();
        do {
            QueryResultPage result = query(dataset, filters, page, false);
            pages[0]++;
            all.addAll(decode(dataset, result.getData().getValueList()));
            page = result.hasNextPage() ? result.getNextPage() : null;
        } while (page != null);
        return all;
    }

    static TimeInterval interval(Instant start, Instant end, boolean startExclusive, boolean endInclusive) {
        return TimeInterval.newBuilder().setStartTime(timestamp(start)).setEndTime(timestamp(end))
                .setStartExclusive(startExclusive).setEndInclusive(endInclusive).build();
    }

    static QueryFilters during(Instant start, Instant end) {
        return QueryFilters.newBuilder().setTimeInterval(interval(start, end, false, false)).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A serialized datapoint of {@code dataset}, without id and ingestion time; time and wkt may be null. */
    static byte[] datapoint(Dataset dataset, Instant time, String label, String wkt) {
        Descriptor type = descriptor(dataset);
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("label"), label);
        if (time != null) {
            builder.setField(type.findFieldByName("time"), timestamp(time));
        }
        if (wkt != null) {
            builder.setField(type.findFieldByName("geometry"), Geometry.newBuilder().setWkb(wkb(wkt)).build());
        }
        return builder.build().toByteArray();
    }

    private static Descriptor descriptor(Dataset dataset) {
        return DESCRIPTORS.computeIfAbsent(dataset.getType().getTypeUrl(),
                url -> DatapointTypes.resolve(dataset.getType()));
    }

    static ByteString wkb(String wkt) {
        try {
            return ByteString.copyFrom(new WKBWriter().write(new WKTReader().read(wkt)));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<DynamicMessage> decode(Dataset dataset, List<ByteString> values) {
        Descriptor type = descriptor(dataset);
        List<DynamicMessage> messages = new ArrayList<>();
        for (ByteString value : values) {
            try {
                messages.add(DynamicMessage.parseFrom(type, value));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }
        return messages;
    }

    static String label(DynamicMessage datapoint) {
        return (String) datapoint.getField(datapoint.getDescriptorForType().findFieldByName("label"));
    }

    static List<String> labels(List<DynamicMessage> datapoints) {
        return datapoints.stream().map(TestCatalog::label).toList();
    }

    static ID id(DynamicMessage datapoint) {
        var field = datapoint.getDescriptorForType().findFieldByName("id");
        var uuid = (com.google.protobuf.Message) datapoint.getField(field);
        return ID.newBuilder().setUuid((ByteString) uuid.getField(uuid.getDescriptorForType().findFieldByName("uuid")))
                .build();
    }
}
