package dev.skyloom;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Field;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WireMockTest
class DatasetWritesTest {

    private static final String GET = "/datasets.v1.DatasetService/GetDataset";
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.of("granule_name", FieldType.STRING).withDescription("Granule").withExampleValue("G1"),
            FieldSpec.of("cloud_cover", FieldType.DOUBLE).asQueryable(),
            FieldSpec.of("bands", FieldType.STRING).asRepeated());

    private DatasetsClient client;

    @BeforeEach
    void connect(WireMockRuntimeInfo wm) {
        client = DatasetsClient.builder().url(wm.getHttpBaseUrl()).apiKey(null).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static DatasetType expectedType() {
        return DatasetTypeWire.of(DatasetKind.SPATIOTEMPORAL, FIELDS);
    }

    @Test
    void theTypeSendsTheFixedFieldsFirstThenTheCustomOnes() {
        List<Field> fields = expectedType().getFieldsList();
        assertThat(fields).extracting(f -> f.getFieldDescriptor().getName())
                .containsExactly("time", "id", "ingestion_time", "geometry", "granule_name", "cloud_cover", "bands");
        assertThat(fields.get(1).getFieldDescriptor().getTypeName()).isEqualTo(".datasets.v1.UUID");
        assertThat(fields.get(3).getFieldDescriptor().getTypeName()).isEqualTo(".datasets.v1.Geometry");
        assertThat(fields.get(4).getAnnotation().getExampleValue()).isEqualTo("G1");
        assertThat(fields.get(5).getAnnotation().getQueryable()).isTrue();
        assertThat(fields.get(6).getFieldDescriptor().getLabel())
                .isEqualTo(FieldDescriptorProto.Label.LABEL_REPEATED);
        assertThat(DatasetTypeWire.of(DatasetKind.TEMPORAL, List.of()).getFieldsList())
                .extracting(f -> f.getFieldDescriptor().getName()).containsExactly("time", "id", "ingestion_time");
    }

    @Test
    void createOrUpdateCreatesADatasetTheServiceDoesNotKnow() {
        stubFor(post(urlEqualTo(GET)).willReturn(WireFixtures.error(404, "not_found", "no such dataset")));
        WireFixtures.stubRpc("/datasets.v1.DatasetService/CreateDataset", CreateDatasetRequest.newBuilder()
                .setName("Test scenes").setCodeName("test_scenes").setType(expectedType()).build(),
                WireFixtures.dataset());

        Dataset dataset = client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "test_scenes", FIELDS,
                "Test scenes");

        assertThat(dataset.slug()).isEqualTo(WireFixtures.SLUG);
        verify(1, postRequestedFor(urlEqualTo(GET)).withRequestBody(binaryEqualTo(
                GetDatasetRequest.newBuilder().setSlug("test_scenes").build().toByteArray())));
    }

    @Test
    void createOrUpdateUpdatesAnExistingDatasetById() {
        WireFixtures.stubRpc(GET, WireFixtures.dataset());
        WireFixtures.stubRpc("/datasets.v1.DatasetService/UpdateDataset", UpdateDatasetRequest.newBuilder()
                .setId(Ids.toWire(WireFixtures.DATASET)).setName("Renamed").setType(expectedType()).build(),
                WireFixtures.dataset());

        Dataset dataset = client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "test_scenes", FIELDS, "Renamed");

        assertThat(dataset.info().id()).isEqualTo(WireFixtures.DATASET);
        verify(0, postRequestedFor(urlEqualTo("/datasets.v1.DatasetService/CreateDataset")));
    }

    @Test
    void getOrCreateCollectionCreatesOnlyAMissingCollection() {
        WireFixtures.stubRpc(GET, WireFixtures.dataset());
        stubFor(post(urlEqualTo("/datasets.v1.CollectionService/GetCollectionByName"))
                .willReturn(WireFixtures.error(404, "not_found", "no such collection")));
        WireFixtures.stubRpc("/datasets.v1.CollectionService/CreateCollection", CreateCollectionRequest.newBuilder()
                .setDatasetId(Ids.toWire(WireFixtures.DATASET)).setName("B").build(),
                WireFixtures.collection("B", WireFixtures.COLLECTION_B));

        Collection b = client.dataset(WireFixtures.SLUG).getOrCreateCollection("B");

        assertThat(b.id()).isEqualTo(WireFixtures.COLLECTION_B);
        assertThat(b.name()).isEqualTo("B");
    }

    @Test
    void invalidDefinitionsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> FieldSpec.of("time", FieldType.TIMESTAMP))
                .hasMessage("'time' is a fixed field every dataset has; choose another name");
        assertThatThrownBy(() -> FieldSpec.of("CloudCover", FieldType.DOUBLE))
                .hasMessageStartingWith("'CloudCover' is not a field name");
        assertThatThrownBy(() -> FieldSpec.of("seen", FieldType.TIMESTAMP).asQueryable())
                .hasMessage("field 'seen' cannot be queryable: only single-valued STRING, BOOL, INT64, UINT64 and "
                        + "DOUBLE fields can, it is TIMESTAMP");
        assertThatThrownBy(() -> FieldSpec.of("tags", FieldType.STRING).asRepeated().asQueryable())
                .hasMessageEndingWith("it is a list of STRING");
        assertThatThrownBy(() -> client.createOrUpdateDataset(DatasetKind.TEMPORAL, "Bad-Name", List.of(), "x"))
                .hasMessageStartingWith("'Bad-Name' is not a dataset code name");
        assertThatThrownBy(() -> client.createOrUpdateDataset(DatasetKind.TEMPORAL, "twice",
                List.of(FieldSpec.of("a", FieldType.BOOL), FieldSpec.of("a", FieldType.STRING)), "Twice"))
                .hasMessage("field 'a' is defined twice");
        verify(0, postRequestedFor(urlEqualTo(GET)));
    }
}
