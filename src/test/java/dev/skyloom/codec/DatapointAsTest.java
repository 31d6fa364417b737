package dev.skyloom.codec;

import dev.skyloom.Datapoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatapointAsTest {

    private final DatapointTypes types = new DatapointTypes();
    private final DatapointType sentinel2 = types.register(Sentinel2Msi.annotatedType());

    record Granule(UUID id, Instant time, String granuleName, String processing_level, double cloudCover,
                   long file_size, Polygon geometry, Geometry centroid, UUID copernicusId, Instant ingestionTime,
                   String flightDirection, String notAField) {
    }

    record PointOnly(Point geometry) {
    }

    record Sensor(String name, String mode, Instant calibratedAt) {
    }

    record Observed(UUID id, List<String> tags, List<Long> counts, Map<String, Object> position, Duration exposure,
                    byte[] payload, Sensor sensor, List<UUID> relatedIds, String time) {
    }

    @Test
    void mapsFieldsIntoARecordByExactOrCamelCaseNames() {
        Datapoint datapoint = sentinel2.decode(Sentinel2Msi.example(sentinel2.descriptor()));

        Granule granule = datapoint.as(Granule.class);

        assertThat(granule.id()).isEqualTo(Sentinel2Msi.ID);
        assertThat(granule.time()).isEqualTo(Sentinel2Msi.TIME);
        assertThat(granule.granuleName()).isEqualTo(Sentinel2Msi.GRANULE);
        assertThat(granule.processing_level()).isEqualTo("PROCESSING_LEVEL_L1C");
        assertThat(granule.cloudCover()).isEqualTo(6.789303950551);
        assertThat(granule.file_size()).isEqualTo(670492469L);
        assertThat((Object) granule.geometry()).isEqualTo(datapoint.geometry().orElseThrow());
        assertThat((Object) granule.centroid()).isEqualTo(datapoint.get("centroid"));
        assertThat(granule.copernicusId()).isEqualTo(Sentinel2Msi.COPERNICUS_ID);
        assertThat(granule.ingestionTime()).isEqualTo(Sentinel2Msi.INGESTION_TIME);
        assertThat(granule.flightDirection()).isEqualTo("FLIGHT_DIRECTION_UNSPECIFIED");
        assertThat(granule.notAField()).isNull();
    }

    @Test
    void mapsNestedMessagesListsDurationsAndBytes() {
        DatapointType observation = types.register(Observation.annotatedType());
        var type = observation.descriptor();
        var sensor = type.findNestedTypeByName("Sensor");
        Datapoint datapoint = observation.decode(new Sentinel2Msi.Builder(type)
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .add("tags", "night").add("counts", 5L)
                .set("position", dev.skyloom.wire.datasets.v1.LatLon.newBuilder().setLatitude(48.1).build())
                .set("exposure", com.google.protobuf.Duration.newBuilder().setSeconds(2).build())
                .set("payload", com.google.protobuf.ByteString.copyFromUtf8("raw"))
                .add("related_ids", Sentinel2Msi.uuid(Sentinel2Msi.COPERNICUS_ID))
                .set("sensor", com.google.protobuf.DynamicMessage.newBuilder(sensor)
                        .setField(sensor.findFieldByName("name"), "MSI")
                        .setField(sensor.findFieldByName("calibrated_at"), Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                        .build())
                .bytes());

        Observed observed = datapoint.as(Observed.class);

        assertThat(observed.tags()).containsExactly("night");
        assertThat(observed.counts()).containsExactly(5L);
        assertThat(observed.position()).isEqualTo(Map.of("latitude", 48.1, "longitude", 0.0));
        assertThat(observed.exposure()).isEqualTo(Duration.ofSeconds(2));
        assertThat(observed.payload()).isEqualTo("raw".getBytes());
        observed.payload()[0] = 'w';
        assertThat(datapoint.get("payload")).isEqualTo("raw".getBytes());
        assertThat(observed.sensor()).isEqualTo(new Sensor("MSI", null, Sentinel2Msi.TIME));
        assertThat(observed.relatedIds()).containsExactly(Sentinel2Msi.COPERNICUS_ID);
        assertThat(observed.time()).isEqualTo("2025-01-01T00:00:19.024Z");
    }

    record UnsignedAsLong(long checksum, long frameCount) {
    }

    record UnsignedAsBigInteger(BigInteger checksum, BigInteger frameCount) {
    }

    record UnsignedAsText(String checksum, String frameCount) {
    }

    @Test
    void unsignedValuesMapIntoLongBigIntegerAndStringComponents() {
        DatapointType observation = types.register(Observation.annotatedType());
        Datapoint small = unsigned(observation, 42L, 7);
        Datapoint largest = unsigned(observation, -1L, -1);

        assertThat(small.as(UnsignedAsLong.class)).isEqualTo(new UnsignedAsLong(42, 7));
        assertThat(largest.as(UnsignedAsBigInteger.class)).isEqualTo(new UnsignedAsBigInteger(
                new BigInteger("18446744073709551615"), BigInteger.valueOf(4294967295L)));
        assertThat(largest.as(UnsignedAsText.class))
                .isEqualTo(new UnsignedAsText("18446744073709551615", "4294967295"));
        assertThatThrownBy(() -> largest.as(UnsignedAsLong.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("18446744073709551615").hasMessageContaining("out of range of long");
    }

    private static Datapoint unsigned(DatapointType observation, long checksumBits, int frameCountBits) {
        return observation.decode(new Sentinel2Msi.Builder(observation.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .set("checksum", checksumBits)
                .set("frame_count", frameCountBits)
                .bytes());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheTargetAndTheProblem() {
        Datapoint datapoint = sentinel2.decode(Sentinel2Msi.example(sentinel2.descriptor()));

        assertThatThrownBy(() -> datapoint.as(PointOnly.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot map a datapoint of type " + Sentinel2Msi.TYPE_URL + " into "
                        + PointOnly.class.getName())
                .hasMessageContaining("expected a Point but the field holds a Polygon");
    }
}
