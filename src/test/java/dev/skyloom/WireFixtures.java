package dev.skyloom;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.codec.DatapointTypes;
import dev.skyloom.codec.Wkb;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.Collection;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.datasets.v1.RepeatedAny;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Builds real binary protobuf responses of a small spatio-temporal dataset for WireMock stubs. */
final class WireFixtures {

    static final UUID GROUP = UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983");
    static final UUID DATASET = UUID.fromString("34d7b08b-8a27-4b40-819b-b11c6189695a");
    static final UUID COLLECTION_A = UUID.fromString("9b92c84f-5e2f-4d4a-9278-1ce96cedb970");
    static final UUID COLLECTION_B = UUID.fromString("0190a000-0000-7000-8000-00000000000b");
    static final String SLUG = "open_data.copernicus.test_scenes";
    static final AnnotatedType TYPE = DatasetTypeCompiler.compile(GROUP, "test_scenes", DatasetType.newBuilder()
            .setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
            .addFields(DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Granule", "G1"))
            .addFields(DatasetFields.field("cloud_cover", Type.TYPE_DOUBLE, false, "Cloud cover %", "12.5"))
            .build());
    static final Descriptor DESCRIPTOR = new DatapointTypes().register(TYPE).descriptor();

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private WireFixtures() {
    }

    static Dataset dataset() {
        return Dataset.newBuilder().setId(Ids.toWire(DATASET)).setGroupId(Ids.toWire(GROUP)).setType(TYPE)
                .setCodeName("test_scenes").setName("Test scenes").setSummary("Scenes for tests").setSlug(SLUG)
                .build();
    }

    static CollectionInfo collection(String name, UUID id) {
        return CollectionInfo.newBuilder()
                .setCollection(Collection.newBuilder().setName(name).setId(Ids.toWire(id)))
                .build();
    }

    /** A datapoint whose id starts with its time's milliseconds, as the service's ids do. */
    static UUID idAt(Instant time, int n) {
        return new UUID((time.toEpochMilli() << 16) | 0x1234, 0x8000_0000_0000_0000L | n);
    }

    static ByteString datapoint(Instant time, int n) {
        Message point = DynamicMessage.newBuilder(DESCRIPTOR)
                .setField(DESCRIPTOR.findFieldByName("time"), timestamp(time))
                .setField(DESCRIPTOR.findFieldByName("id"), uuidMessage(idAt(time, n)))
                .setField(DESCRIPTOR.findFieldByName("geometry"), geometry(n))
                .setField(DESCRIPTOR.findFieldByName("granule_name"), "G" + n)
                .setField(DESCRIPTOR.findFieldByName("cloud_cover"), n / 2.0)
                .build();
        return point.toByteString();
    }

    static QueryResultPage page(List<ByteString> values, Pagination next) {
        QueryResultPage.Builder page = QueryResultPage.newBuilder()
                .setData(RepeatedAny.newBuilder().setTypeUrl(TYPE.getTypeUrl()).addAllValue(values));
        if (next != null) {
            page.setNextPage(next);
        }
        return page.build();
    }

    static void stubRpc(String path, Message request, Message response) {
        stubFor(post(urlEqualTo(path)).withRequestBody(binaryEqualTo(request.toByteArray()))
                .willReturn(proto(response)));
    }

    static void stubRpc(String path, Message response) {
        stubFor(post(urlEqualTo(path)).willReturn(proto(response)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder proto(Message response) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/proto")
                .withBody(response.toByteArray());
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code,
                                                                                 String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static Message uuidMessage(UUID id) {
        Descriptor uuid = DESCRIPTOR.findFieldByName("id").getMessageType();
        return DynamicMessage.newBuilder(uuid)
                .setField(uuid.findFieldByName("uuid"), Ids.toWire(id).getUuid()).build();
    }

    private static Message geometry(int n) {
        Descriptor geometry = DESCRIPTOR.findFieldByName("geometry").getMessageType();
        var box = GEOMETRIES.toGeometry(new Envelope(n % 170, n % 170 + 1, 10, 11));
        return DynamicMessage.newBuilder(geometry)
                .setField(geometry.findFieldByName("wkb"), ByteString.copyFrom(Wkb.writeEwkb(box))).build();
    }
}
