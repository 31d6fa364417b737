package dev.skyloom.local.demo;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class DemoCatalogTest {

    private static final long YEAR_2020 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final long YEAR_2021 = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();

    /**
     * The digest of the default catalogue (its structure and every datapoint's bytes): tests and benchmarks pin counts
     * and values of it, so any change to what it holds must be deliberate (and bump {@code DemoCache.VERSION}).
     */
    private static final String DEFAULT_DIGEST = "6cc863317f98849271adab1a21315de38307bac744270b71487495e4b01f4c17";

    private static CatalogueSummary catalogue;
    private static String digest;
    private static long generationMillis;

    @BeforeAll
    static void writeTheDefaultCatalogue() {
        long started = System.nanoTime();
        catalogue = new CatalogueSummary(YEAR_2020, YEAR_2021, CatalogueSummary.Mode.FULL);
        DemoCatalog.writeTo(catalogue, DemoCatalog.DEFAULT_SEED);
        generationMillis = (System.nanoTime() - started) / 1_000_000;
        digest = catalogue.digest();
    }

    @Test
    void theDefaultCatalogueIsExactlyThePinnedOne() {
        assertThat(catalogue.datapoints).isEqualTo(DemoCatalog.EXPECTED_DATAPOINTS);
        assertThat(digest).isEqualTo(DEFAULT_DIGEST);
    }

    @Test
    void landsatHoldsTheDocumentedCountsFor2020() {
        assertThat(catalogue.countsInWindow).contains(
                entry("landsat8_oli_tirs.L1GT", 19_624L), entry("landsat8_oli_tirs.L1T", 1_281L),
                entry("landsat8_oli_tirs.L1TP", 65_313L), entry("landsat8_oli_tirs.L2SP", 25_375L));
        assertThat(catalogue.counts.get("landsat8_oli_tirs.L1TP")).isGreaterThan(65_313L);
        assertThat(catalogue.counts.get("landsat8_oli_tirs.L2SP")).isGreaterThan(25_375L);
    }

    @Test
    void everyDatapointDecodesWithItsDatasetTypeAndHasADistinctTimeAndAValidFootprint() {
        assertThat(catalogue.problems).isEmpty();
        assertThat(catalogue.counts).hasSize(14).allSatisfy((collection, count) -> assertThat(count).isPositive());
        assertThat(catalogue.largestBatch).isLessThanOrEqualTo(CollectionBatches.BATCH_SIZE).isGreaterThan(4000);
    }

    @Test
    void sameSeedWritesIdenticalBytesWithinTheSizeBudget() {
        CatalogueSummary again = new CatalogueSummary(YEAR_2020, YEAR_2021, CatalogueSummary.Mode.DIGEST);
        long started = System.nanoTime();
        DemoCatalog.writeTo(again, DemoCatalog.DEFAULT_SEED);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("demo catalogue: %,d datapoints, generated in %d ms (digesting sink; %d ms with decoding)%n",
                again.datapoints, millis, generationMillis);

        assertThat(again.digest()).isEqualTo(digest);
        assertThat(again.counts).isEqualTo(catalogue.counts);
        assertThat(again.datapoints).isLessThanOrEqualTo(300_000L);
    }

    @Test
    void groupsDatasetsAndCollectionsAreTheListedOnes() {
        assertThat(catalogue.groups).containsExactly(
                new CatalogueSummary.Group(UUID.fromString("019039b5-9f7b-5e94-bb3e-40049e28280a"), null,
                        "open_data", "Open Data"),
                new CatalogueSummary.Group(UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983"),
                        UUID.fromString("019039b5-9f7b-5e94-bb3e-40049e28280a"), "copernicus", "Copernicus"));
        assertThat(catalogue.datasets.values())
                .extracting(CatalogueSummary.Dataset::codeName, CatalogueSummary.Dataset::groupId,
                        d -> d.compiled().getKind())
                .containsExactly(
                        tuple("sentinel2_msi", DemoCatalog.COPERNICUS_GROUP, DatasetKind.DATASET_KIND_SPATIOTEMPORAL),
                        tuple("sentinel1_sar", DemoCatalog.COPERNICUS_GROUP, DatasetKind.DATASET_KIND_SPATIOTEMPORAL),
                        tuple("landsat8_oli_tirs", DemoCatalog.COPERNICUS_GROUP,
                                DatasetKind.DATASET_KIND_SPATIOTEMPORAL));
        assertThat(catalogue.datasets).containsKey(UUID.fromString("34d7b08b-8a27-4b40-819b-b11c6189695a"));
        assertThat(catalogue.collections.values()).extracting(c -> catalogue.datasets.get(c.datasetId()).codeName()
                        + "." + c.name())
                .containsExactly("sentinel2_msi.S2A_S2MSI1C", "sentinel2_msi.S2A_S2MSI2A", "sentinel2_msi.S2B_S2MSI1C",
                        "sentinel2_msi.S2B_S2MSI2A", "sentinel2_msi.S2C_S2MSI1C", "sentinel2_msi.S2C_S2MSI2A",
                        "sentinel1_sar.S1A_IW_RAW__0S", "sentinel1_sar.S1A_IW_SLC__1S", "sentinel1_sar.S1A_IW_GRDH_1S",
                        "sentinel1_sar.S1A_EW_GRDM_1S", "landsat8_oli_tirs.L1GT", "landsat8_oli_tirs.L1T",
                        "landsat8_oli_tirs.L1TP", "landsat8_oli_tirs.L2SP");
        assertThat(catalogue.collections.get(UUID.fromString("9b92c84f-5e2f-4d4a-9278-1ce96cedb970")).name())
                .isEqualTo("S2B_S2MSI1C");
    }

    @Test
    void sentinel2TypeIsTheObservedOne() {
        AnnotatedType type = catalogue.datasets.get(Sentinel2Msi.ID).compiled();

        assertThat(type.getTypeUrl()).isEqualTo("datasets.v1.group_019039b5c894a3db09e149ee36fe4983.Sentinel2Msi");
        assertThat(type.getDescriptorSet().getFile(0).getName())
                .isEqualTo("datasets/v1/group_019039b5c894a3db09e149ee36fe4983/Sentinel2Msi.proto");
        List<FieldDescriptorProto> fields = type.getDescriptorSet().getFile(0).getMessageType(0).getFieldList();
        assertThat(fields).allSatisfy(f -> assertThat(f.getLabel()).isEqualTo(Label.LABEL_OPTIONAL));
        assertThat(fields).extracting(FieldDescriptorProto::getNumber, FieldDescriptorProto::getName,
                        f -> f.getType() == Type.TYPE_MESSAGE || f.getType() == Type.TYPE_ENUM
                                ? f.getTypeName() : f.getType().name())
                .containsExactly(
                        tuple(1, "time", ".google.protobuf.Timestamp"), tuple(2, "id", ".datasets.v1.UUID"),
                        tuple(3, "ingestion_time", ".google.protobuf.Timestamp"),
                        tuple(4, "geometry", ".datasets.v1.Geometry"), tuple(5, "granule_name", "TYPE_STRING"),
                        tuple(6, "processing_level", ".datasets.v1.ProcessingLevel"),
                        tuple(7, "product_type", "TYPE_STRING"), tuple(8, "copernicus_id", ".datasets.v1.UUID"),
                        tuple(9, "platform", "TYPE_STRING"), tuple(10, "orbit_number", "TYPE_INT64"),
                        tuple(11, "relative_orbit_number", "TYPE_INT64"),
                        tuple(12, "processing_baseline", "TYPE_DOUBLE"),
                        tuple(13, "stop_time", ".google.protobuf.Timestamp"),
                        tuple(14, "centroid", ".datasets.v1.Geometry"),
                        tuple(15, "published", ".google.protobuf.Timestamp"),
                        tuple(16, "updated", ".google.protobuf.Timestamp"), tuple(17, "location", "TYPE_STRING"),
                        tuple(18, "file_size", "TYPE_INT64"), tuple(19, "thumbnail", "TYPE_STRING"),
                        tuple(20, "cloud_cover", "TYPE_DOUBLE"), tuple(21, "resolution", "TYPE_INT64"),
                        tuple(22, "flight_direction", ".datasets.v1.FlightDirection"),
                        tuple(23, "acquisition_mode", ".datasets.v1.AcquisitionMode"),
                        tuple(24, "mission_take_id", "TYPE_STRING"));
        assertThat(type.getFieldAnnotationsList()).hasSize(24);
        assertThat(type.getFieldAnnotations(5).getExampleValue()).isEqualTo("L1C");
        assertThat(type.getFieldAnnotations(8).getExampleValue()).isEqualTo("S2C");
        assertThat(type.getFieldAnnotations(19).getExampleValue()).isEqualTo("22.45");
    }
}
