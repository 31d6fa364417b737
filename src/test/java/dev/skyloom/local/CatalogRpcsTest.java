package dev.skyloom.local;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.DeleteCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionResponse;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsResponse;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogRpcsTest {

    private static final String LIST_DATASETS = "/datasets.v1.DatasetService/ListDatasets";
    private static final String GET_DATASET = "/datasets.v1.DatasetService/GetDataset";
    private static final String UPDATE_DATASET = "/datasets.v1.DatasetService/UpdateDataset";
    private static final String GET_COLLECTION = "/datasets.v1.CollectionService/GetCollectionByName";
    private static final String LIST_COLLECTIONS = "/datasets.v1.CollectionService/ListCollections";
    private static final String DELETE_COLLECTION = "/datasets.v1.CollectionService/DeleteCollection";
    private static final Instant T = Instant.parse("2024-06-01T12:00:00.123Z");

    private static LocalServer server;
    private static TestCatalog catalog;
    private static ConnectTestClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());
        client = new ConnectTestClient(server.url());
        catalog = new TestCatalog(client);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Dataset get(GetDatasetRequest request) {
        return client.call(GET_DATASET, request, Dataset.parser());
    }

    @Test
    void aCreatedDatasetLivesInMyOrgAndIsFoundBySlugCodeNameAndId() {
        Dataset created = catalog.dataset("weather_stations", DatasetKind.DATASET_KIND_SPATIOTEMPORAL);

        assertThat(created.getSlug()).isEqualTo("my_org.weather_stations");
        assertThat(created.getType().getTypeUrl()).endsWith(".WeatherStations");
        assertThat(get(GetDatasetRequest.newBuilder().setSlug("my_org.weather_stations").build()).getId())
                .isEqualTo(created.getId());
        assertThat(get(GetDatasetRequest.newBuilder().setSlug("weather_stations").build()).getId())
                .isEqualTo(created.getId());
        assertThat(get(GetDatasetRequest.newBuilder().setId(created.getId()).build()).getSlug())
                .isEqualTo("my_org.weather_stations");

        ListDatasetsResponse list = client.call(LIST_DATASETS, ListDatasetsRequest.getDefaultInstance(),
                ListDatasetsResponse.parser());
        assertThat(list.getDatasetsList()).filteredOn(d -> d.getId().equals(created.getId())).singleElement()
                .satisfies(d -> assertThat(d.getType()).isEqualTo(created.getType()));
        assertThat(list.getGroupsList()).anySatisfy(g -> assertThat(g.getCodeName()).isEqualTo("my_org"));
    }

    @Test
    void datasetErrorsNameTheProblem() {
        catalog.dataset("duplicated", DatasetKind.DATASET_KIND_TEMPORAL);

        assertThatThrownBy(() -> catalog.dataset("duplicated", DatasetKind.DATASET_KIND_TEMPORAL))
                .hasMessageContaining("409 already_exists").hasMessageContaining("duplicated");
        assertThatThrownBy(() -> catalog.dataset("Bad-Name", DatasetKind.DATASET_KIND_TEMPORAL))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("Bad-Name");
        assertThatThrownBy(() -> catalog.dataset("no_kind", DatasetKind.DATASET_KIND_UNSPECIFIED))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("kind");
        assertThatThrownBy(() -> client.call(TestCatalog.CREATE_DATASET, CreateDatasetRequest.newBuilder()
                .setName("n").setCodeName("no_type").build(), Dataset.parser()))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("type is required");
        assertThatThrownBy(() -> get(GetDatasetRequest.newBuilder().setSlug("my_org.missing").build()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such dataset 'my_org.missing'");
    }

    @Test
    void updateChangesOnlyWhatIsSetAndMayAddFieldsToADatasetWithData() {
        Dataset dataset = catalog.dataset("updatable", DatasetKind.DATASET_KIND_TEMPORAL);
        catalog.ingest(catalog.collection(dataset, "c"), List.of(TestCatalog.datapoint(dataset, T, "a", null)), true);
        DatasetType withExtra = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)
                .addFields(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING, false, "", ""))
                .addFields(DatasetFields.field("extra", FieldDescriptorProto.Type.TYPE_INT64, false, "", ""))
                .build();

        Dataset updated = client.call(UPDATE_DATASET, UpdateDatasetRequest.newBuilder().setId(dataset.getId())
                .setName("Renamed").setType(withExtra).build(), Dataset.parser());

        assertThat(updated.getName()).isEqualTo("Renamed");
        assertThat(updated.getCodeName()).isEqualTo("updatable");
        assertThat(updated.getType().getDescriptorSet().getFile(0).getMessageType(0).getFieldList())
                .extracting(FieldDescriptorProto::getName).endsWith("label", "extra");

        DatasetType withoutLabel = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL).build();
        assertThatThrownBy(() -> client.call(UPDATE_DATASET, UpdateDatasetRequest.newBuilder()
                .setId(dataset.getId()).setType(withoutLabel).build(), Dataset.parser()))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("'label'");
    }

    @Test
    void collectionsReportAvailabilityAndCountOnlyWhenAsked() {
        Dataset dataset = catalog.dataset("with_collections", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo filled = catalog.collection(dataset, "filled");
        catalog.collection(dataset, "empty");
        catalog.ingest(filled, List.of(TestCatalog.datapoint(dataset, T, "a", null),
                TestCatalog.datapoint(dataset, T.plusSeconds(3600).plusNanos(456_789), "b", null)), true);

        CollectionInfo info = client.call(GET_COLLECTION, GetCollectionByNameRequest.newBuilder()
                .setDatasetId(dataset.getId()).setCollectionName("filled").setWithAvailability(true)
                .setWithCount(true).build(), CollectionInfo.parser());
        assertThat(info.getCount()).isEqualTo(2);
        assertThat(info.getAvailability().getStartTime()).isEqualTo(TestCatalog.timestamp(T));
        assertThat(info.getAvailability().getEndTime()).isEqualTo(TestCatalog.timestamp(T.plusSeconds(3600)));
        assertThat(info.getAvailability().getEndInclusive()).isTrue();

        ListCollectionsResponse bare = client.call(LIST_COLLECTIONS, ListCollectionsRequest.newBuilder()
                .setDatasetId(dataset.getId()).build(), ListCollectionsResponse.parser());
        assertThat(bare.getDataList()).extracting(c -> c.getCollection().getName()).containsExactly("filled", "empty");
        assertThat(bare.getDataList()).allSatisfy(c -> {
            assertThat(c.hasCount()).isFalse();
            assertThat(c.hasAvailability()).isFalse();
        });
        ListCollectionsResponse full = client.call(LIST_COLLECTIONS, ListCollectionsRequest.newBuilder()
                .setDatasetId(dataset.getId()).setWithCount(true).setWithAvailability(true).build(),
                ListCollectionsResponse.parser());
        assertThat(full.getDataList()).extracting(CollectionInfo::getCount).containsExactly(2L, 0L);
        assertThat(full.getData(1).hasAvailability()).isFalse();
    }

    @Test
    void collectionErrorsNameTheProblem() {
        Dataset dataset = catalog.dataset("collection_errors", DatasetKind.DATASET_KIND_TEMPORAL);
        catalog.collection(dataset, "taken");

        assertThatThrownBy(() -> catalog.collection(dataset, "taken"))
                .hasMessageContaining("409 already_exists").hasMessageContaining("taken");
        assertThatThrownBy(() -> client.call(GET_COLLECTION, GetCollectionByNameRequest.newBuilder()
                .setDatasetId(dataset.getId()).setCollectionName("absent").build(), CollectionInfo.parser()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such collection 'absent'");
        assertThatThrownBy(() -> client.call(TestCatalog.CREATE_COLLECTION, CreateCollectionRequest.newBuilder()
                .setDatasetId(DatapointIds.wire(java.util.UUID.randomUUID())).setName("x").build(),
                CollectionInfo.parser()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such dataset");
    }

    @Test
    void deletingACollectionDeletesItsDatapoints() {
        Dataset dataset = catalog.dataset("deletable", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo doomed = catalog.collection(dataset, "doomed");
        catalog.ingest(doomed, List.of(TestCatalog.datapoint(dataset, T, "a", null)), true);

        client.call(DELETE_COLLECTION, DeleteCollectionRequest.newBuilder().setDatasetId(dataset.getId())
                .setCollectionId(doomed.getCollection().getId()).build(), DeleteCollectionResponse.parser());

        assertThat(catalog.query(dataset, TestCatalog.during(T, T.plusSeconds(1)), null, false).getData()
                .getValueCount()).isZero();
        CollectionInfo reborn = catalog.collection(dataset, "doomed");
        assertThat(client.call(GET_COLLECTION, GetCollectionByNameRequest.newBuilder().setDatasetId(dataset.getId())
                .setCollectionName("doomed").setWithCount(true).build(), CollectionInfo.parser()).getCount())
                .isZero();
        assertThat(reborn.getCollection().getId()).isNotEqualTo(doomed.getCollection().getId());
    }
}
