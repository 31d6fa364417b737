package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import dev.skyloom.Datapoint;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.Geometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.skyloom.codec.Sentinel2Msi.CENTROID;
import static dev.skyloom.codec.Sentinel2Msi.FOOTPRINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DatapointTypeTest {

    private final DatapointType type = new DatapointTypes().register(Sentinel2Msi.annotatedType());

    @Test
    void decodesEverySentinel2FieldToItsJavaValue() {
        Datapoint datapoint = type.decode(Sentinel2Msi.example(type.descriptor()));

        assertThat(datapoint.typeUrl()).isEqualTo(Sentinel2Msi.TYPE_URL);
        assertThat(datapoint.id()).isEqualTo(Sentinel2Msi.ID);
        assertThat(datapoint.time()).isEqualTo(Sentinel2Msi.TIME);
        assertThat(datapoint.ingestionTime()).contains(Instant.parse("2025-04-26T13:24:25.139062430Z"));
        String granule = Sentinel2Msi.GRANULE;
        assertThat(datapoint.fields()).containsExactly(
                entry("time", Instant.parse("2025-01-01T00:00:19.024Z")),
                entry("id", Sentinel2Msi.ID),
                entry("ingestion_time", Instant.parse("2025-04-26T13:24:25.139062430Z")),
                entry("geometry", datapoint.geometry().orElseThrow()),
                entry("granule_name", granule),
                entry("processing_level", "PROCESSING_LEVEL_L1C"),
                entry("product_type", "S2MSI1C"),
                entry("copernicus_id", java.util.UUID.fromString("c8b89388-2b0f-456d-9979-22717e812ca3")),
                entry("platform", "S2B"),
                entry("orbit_number", 40854L),
                entry("relative_orbit_number", 73L),
                entry("processing_baseline", 5.11),
                entry("stop_time", Instant.parse("2025-01-01T00:00:19.024Z")),
                entry("centroid", datapoint.get("centroid")),
                entry("published", Instant.parse("2025-01-01T01:23:14.147545Z")),
                entry("updated", Instant.parse("2025-01-01T01:25:19.535796Z")),
                entry("location", "/eodata/Sentinel-2/MSI/L1C/2025/01/01/" + granule),
                entry("file_size", 670492469L),
                entry("thumbnail", "https://catalogue.dataspace.copernicus.eu/get-object?path=/Sentinel-2/MSI/L1C/"
                        + "2025/01/01/" + granule + "/" + granule.replace(".SAFE", "") + "-ql.jpg"),
                entry("cloud_cover", 6.789303950551),
                entry("resolution", 0L),
                entry("flight_direction", "FLIGHT_DIRECTION_UNSPECIFIED"),
                entry("acquisition_mode", "ACQUISITION_MODE_VIC"),
                entry("mission_take_id", "GS2B_20250101T000019_040854_N05.11"));
    }

    @Test
    void readsTheEwkbFootprintAndThePlainWkbCentroid() {
        Datapoint datapoint = type.decode(Sentinel2Msi.example(type.descriptor()));

        Polygon footprint = (Polygon) datapoint.geometry().orElseThrow();
        assertThat(footprint.getSRID()).isEqualTo(4326);
        assertThat(footprint.getExteriorRing().getCoordinates()).hasSize(5);
        assertThat(footprint.getExteriorRing().getCoordinateN(1))
                .isEqualTo(new Coordinate(FOOTPRINT[1][0], FOOTPRINT[1][1]));
        Point centroid = (Point) datapoint.get("centroid");
        assertThat(centroid.getX()).isEqualTo(CENTROID[0]);
        assertThat(centroid.getY()).isEqualTo(CENTROID[1]);
        assertThat(centroid.getSRID()).isEqualTo(4326);
    }

    @Test
    void unsetFieldsAreAbsentAndReadAsNull() {
        ByteString skipData = new Sentinel2Msi.Builder(type.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .set("ingestion_time", Sentinel2Msi.timestamp(Instant.parse("2025-04-26T13:24:25.139Z")))
                .bytes();

        Datapoint datapoint = type.decode(skipData);

        assertThat(datapoint.fields()).containsOnlyKeys("time", "id", "ingestion_time");
        assertThat(datapoint.get("cloud_cover")).isNull();
        assertThat(datapoint.get("flight_direction")).isNull();
        assertThat(datapoint.geometry()).isEmpty();
    }

    @Test
    void askingForAFieldTheTypeLacksListsTheTypesFields() {
        Datapoint datapoint = type.decode(Sentinel2Msi.example(type.descriptor()));

        assertThatThrownBy(() -> datapoint.get("cloudcover"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no field 'cloudcover'")
                .hasMessageContaining("time, id, ingestion_time, geometry, granule_name, processing_level");
    }

    @Test
    void anEnumNumberTheTypeDoesNotDefineReadsAsTheNumber() {
        ByteString bytes = required().setEnum("processing_level", 99).bytes();

        assertThat(type.decode(bytes).get("processing_level")).isEqualTo(99);
    }

    @Test
    void garbageBytesAreAnInternalErrorNamingTheType() {
        ByteString garbage = ByteString.copyFrom(new byte[]{0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff});

        assertThatThrownBy(() -> type.decode(garbage))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageStartingWith("cannot decode datapoint of type '" + Sentinel2Msi.TYPE_URL + "' (4 bytes)");
    }

    @Test
    void aDatapointWithoutTimeOrIdIsAnInternalError() {
        ByteString noTime = new Sentinel2Msi.Builder(type.descriptor()).set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .bytes();
        ByteString shortId = new Sentinel2Msi.Builder(type.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", dev.skyloom.wire.datasets.v1.UUID.newBuilder()
                        .setUuid(ByteString.copyFrom(new byte[5])).build())
                .bytes();

        assertThatThrownBy(() -> type.decode(noTime)).isInstanceOf(SkyloomException.Internal.class)
                .hasMessageEndingWith("it has no 'time'");
        assertThatThrownBy(() -> type.decode(shortId)).isInstanceOf(SkyloomException.Internal.class)
                .hasMessageEndingWith("a UUID needs 16 bytes, got 5");
    }

    @Test
    void decodeAllKeepsOrderAndNamesTheValueThatFails() {
        ByteString first = Sentinel2Msi.example(type.descriptor());
        ByteString second = required().bytes();

        List<Datapoint> page = type.decodeAll(List.of(first, second));

        assertThat(page).extracting(datapoint -> datapoint.get("granule_name")).containsExactly(Sentinel2Msi.GRANULE,
                null);
        assertThatThrownBy(() -> type.decodeAll(List.of(first, second, ByteString.copyFromUtf8("\u0008"))))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageStartingWith("value 2 of 3: cannot decode datapoint");
    }

    @Test
    void aBadGeometryDecodesButFailsWhenTheFieldsAreRead() {
        ByteString bytes = required().set("centroid", Geometry.newBuilder()
                .setWkb(ByteString.copyFrom(new byte[]{1, 1, 0})).build()).bytes();

        Datapoint datapoint = type.decode(bytes);

        assertThat(datapoint.id()).isEqualTo(Sentinel2Msi.ID);
        assertThatThrownBy(datapoint::fields)
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageStartingWith("cannot decode datapoint " + Sentinel2Msi.ID)
                .hasMessageContaining("field 'centroid': not a valid WKB geometry (3 bytes)");
    }

    @Test
    void decodingReadsOnlyIdAndTimeAndLeavesAMalformedOtherFieldToTheFieldsCall() {
        // Field 4 (geometry) framed correctly, but its content is a truncated varint: only a full parse notices.
        ByteString malformedGeometry = ByteString.copyFrom(new byte[]{0x22, 0x02, 0x08, (byte) 0xff});
        ByteString bytes = required().bytes().concat(malformedGeometry);

        Datapoint datapoint = type.decode(bytes);

        assertThat(datapoint.id()).isEqualTo(Sentinel2Msi.ID);
        assertThat(datapoint.time()).isEqualTo(Sentinel2Msi.TIME);
        assertThatThrownBy(datapoint::fields)
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageStartingWith("cannot decode datapoint " + Sentinel2Msi.ID + " of type '"
                        + Sentinel2Msi.TYPE_URL + "'");
    }

    @Test
    void idAndTimeFollowProtobufMergeRulesWhenAFieldRepeats() {
        ByteString seconds = Sentinel2Msi.timestamp(Instant.ofEpochSecond(1_700_000_000L)).toByteString();
        ByteString nanos = com.google.protobuf.Timestamp.newBuilder().setNanos(42).build().toByteString();
        ByteString bytes = new Sentinel2Msi.Builder(type.descriptor())
                .set("id", Sentinel2Msi.uuid(java.util.UUID.randomUUID())).bytes()
                .concat(frame(1, seconds)).concat(frame(1, nanos))
                .concat(frame(2, Sentinel2Msi.uuid(Sentinel2Msi.ID).toByteString()));

        Datapoint datapoint = type.decode(bytes);

        assertThat(datapoint.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 42));
        assertThat(datapoint.id()).isEqualTo(Sentinel2Msi.ID);
        assertThat(datapoint.fields()).containsEntry("time", datapoint.time()).containsEntry("id", datapoint.id());
    }

    @Test
    void aTruncatedFieldAfterIdAndTimeFailsAtDecode() {
        ByteString truncated = required().bytes().concat(ByteString.copyFrom(new byte[]{0x2a, 0x10, 'a', 'b'}));

        assertThatThrownBy(() -> type.decode(truncated))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageStartingWith("cannot decode datapoint of type '" + Sentinel2Msi.TYPE_URL + "' ("
                        + truncated.size() + " bytes)");
    }

    /** A length-delimited field: tag, length, content. */
    private static ByteString frame(int number, ByteString content) {
        return ByteString.copyFrom(new byte[]{(byte) (number << 3 | 2), (byte) content.size()}).concat(content);
    }

    @Test
    void datapointsAreEqualByValue() {
        ByteString bytes = Sentinel2Msi.example(type.descriptor());
        Datapoint changed = type.decode(required().set("cloud_cover", 7.0).bytes());

        assertThat(type.decode(bytes)).isEqualTo(type.decode(bytes)).hasSameHashCodeAs(type.decode(bytes));
        assertThat(type.decode(required().set("cloud_cover", 6.0).bytes())).isNotEqualTo(changed);
    }

    @Test
    void fieldValuesAreConvertedOnceOnFirstAccess() {
        int[] conversions = {0};
        Datapoint datapoint = new Datapoint(Sentinel2Msi.TYPE_URL, Sentinel2Msi.ID, Sentinel2Msi.TIME,
                List.of("time", "id", "platform"), () -> {
                    conversions[0]++;
                    return Map.of("time", Sentinel2Msi.TIME, "id", Sentinel2Msi.ID, "platform", "S2B");
                });

        assertThat(datapoint.id()).isEqualTo(Sentinel2Msi.ID);
        assertThat(conversions[0]).isZero();
        assertThat(datapoint.get("platform")).isEqualTo("S2B");
        assertThat(datapoint.fields()).hasSize(3);
        assertThat(conversions[0]).isOne();
    }

    @Test
    void threadsReadingADatapointAtOnceAllSeeTheSameFieldMap() throws Exception {
        Datapoint datapoint = type.decode(Sentinel2Msi.example(type.descriptor()));
        var start = new CountDownLatch(1);
        var seen = new ArrayList<Future<Map<String, Object>>>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                seen.add(threads.submit(() -> {
                    start.await();
                    return datapoint.fields();
                }));
            }
            start.countDown();
        }

        Map<String, Object> first = seen.getFirst().get();
        assertThat(first).hasSize(24);
        for (Future<Map<String, Object>> fields : seen) {
            assertThat(fields.get()).isSameAs(first);
        }
    }

    private Sentinel2Msi.Builder required() {
        return new Sentinel2Msi.Builder(type.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID));
    }
}
