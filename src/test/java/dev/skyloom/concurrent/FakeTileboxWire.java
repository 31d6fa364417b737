package dev.skyloom.concurrent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.TemporalDatapoint;
import dev.skyloom.wire.tilebox.v1.ID;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The wire side of {@link FakeTilebox}: a small temporal Landsat-like dataset whose type ships as a descriptor set,
 * its datapoints as binary protobuf, Connect responses and errors, and the id and time conversions.
 */
final class FakeTileboxWire {

    static final String SLUG = "open_data.copernicus.landsat8_oli_tirs";
    static final String GROUP = "019039b5c894a3db09e149ee36fe4983";
    static final String TYPE_URL = "datasets.v1.group_" + GROUP + ".Landsat8OliTirs";
    static final UUID DATASET_ID = UUID.fromString("5c1d2a43-9a0b-4b3a-8a5e-0f7c0c7e8f11");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeTileboxWire() {
    }

    /** The dataset, with its type as a descriptor set of one editions file, as the service sends it. */
    static Dataset dataset() {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("datasets/v1/group_" + GROUP + "/Landsat8OliTirs.proto")
                .setPackage("datasets.v1.group_" + GROUP)
                .setSyntax("editions")
                .setEdition(Edition.EDITION_2023)
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("Landsat8OliTirs")
                        .addField(field("time", 1, ".google.protobuf.Timestamp"))
                        .addField(field("id", 2, ".datasets.v1.UUID"))
                        .addField(field("ingestion_time", 3, ".google.protobuf.Timestamp")))
                .build();
        return Dataset.newBuilder()
                .setId(id(DATASET_ID))
                .setGroupId(id(UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983")))
                .setType(AnnotatedType.newBuilder()
                        .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(file))
                        .setTypeUrl(TYPE_URL)
                        .setKind(DatasetKind.DATASET_KIND_TEMPORAL))
                .setCodeName("landsat8_oli_tirs")
                .setName("Landsat 8 OLI/TIRS")
                .setSlug(SLUG)
                .build();
    }

    static FieldDescriptorProto field(String name, int number, String type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
                .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(type).build();
    }

    /** One datapoint of the dataset's type. */
    static ByteString datapoint(UUID id, Instant time) {
        return TemporalDatapoint.newBuilder().setTime(timestamp(time)).setId(id(id))
                .setIngestionTime(timestamp(Instant.parse("2026-11-21T12:00:00Z"))).build().toByteString();
    }

    /** A successful Connect response carrying {@code message}. */
    static ResponseDefinition proto(Message message) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/proto")
                .withBody(message.toByteArray()).build();
    }

    /** A Connect error response. */
    static ResponseDefinition error(int status, String code, String message) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(Map.of("code", code, "message", message))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    static ID id(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return ID.newBuilder().setUuid(ByteString.copyFrom(bytes.array())).build();
    }

    static UUID uuid(ID id) {
        ByteBuffer bytes = id.getUuid().asReadOnlyByteBuffer();
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
