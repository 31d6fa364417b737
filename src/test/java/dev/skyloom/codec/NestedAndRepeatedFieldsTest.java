package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.skyloom.Datapoint;
import dev.skyloom.wire.datasets.v1.LatLon;
import dev.skyloom.wire.datasets.v1.Vec3;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class NestedAndRepeatedFieldsTest {

    private static final UUID RELATED = UUID.fromString("0197a491-1520-7000-8000-000000000001");

    private final DatapointType type = new DatapointTypes().register(Observation.annotatedType());

    @Test
    void repeatedFieldsBecomeImmutableListsInOrder() {
        Datapoint datapoint = type.decode(full());

        assertThat(datapoint.get("tags")).isEqualTo(List.of("night", "coastal"));
        assertThat(datapoint.get("counts")).isEqualTo(List.of(3L, 1L, 2L));
        assertThat(datapoint.get("related_ids")).isEqualTo(List.of(Sentinel2Msi.ID, RELATED));
        assertThat(datapoint.get("polarizations")).isEqualTo(List.of("POLARIZATION_VV", "POLARIZATION_VH"));
        assertThat(datapoint.get("velocities")).isEqualTo(List.of(
                Map.of("x", 7.5, "y", -0.25, "z", 0.0), Map.of("x", 0.0, "y", 0.0, "z", 1.0)));
        List<?> tags = (List<?>) datapoint.get("tags");
        assertThatThrownBy(() -> tags.add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nestedMessagesBecomeMapsOfTheirConvertedFields() {
        Datapoint datapoint = type.decode(full());

        assertThat(datapoint.get("position")).isEqualTo(Map.of("latitude", 0.0, "longitude", 12.5));
        assertThat(datapoint.get("sensor")).asInstanceOf(InstanceOfAssertFactories.MAP).containsExactly(
                entry("name", "MSI"),
                entry("mode", "MODE_WIDE"),
                entry("calibrated_at", Instant.parse("2024-12-31T23:00:00Z")));
    }

    @Test
    void remainingScalarTypesKeepTheirJavaTypes() {
        Datapoint datapoint = type.decode(full());

        assertThat(datapoint.get("exposure")).isEqualTo(Duration.ofMillis(1500));
        assertThat(datapoint.get("payload")).isEqualTo(new byte[]{0, 1, (byte) 0xfe});
        assertThat(datapoint.get("calibrated")).isEqualTo(true);
        assertThat(datapoint.get("gain")).isEqualTo(1.25f);
        assertThat(datapoint.get("band")).isEqualTo(-4);
        // unsigned values are never negative: uint64 is always a BigInteger, uint32 a Long
        assertThat(datapoint.get("checksum")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(datapoint.get("frame_count")).isEqualTo(4294967295L);
        Datapoint small = type.decode(base().setField(type.descriptor().findFieldByName("checksum"), 5L).build()
                .toByteString());
        assertThat(small.get("checksum")).isEqualTo(BigInteger.valueOf(5));
        Datapoint justAboveLong = type.decode(base().setField(type.descriptor().findFieldByName("checksum"),
                Long.MIN_VALUE).build().toByteString());
        assertThat(justAboveLong.get("checksum")).isEqualTo(BigInteger.ONE.shiftLeft(63));
    }

    @Test
    void byteArraysAreCopiedSoTheDatapointStaysImmutable() {
        Datapoint datapoint = type.decode(full());

        ((byte[]) datapoint.get("payload"))[0] = 42;
        ((byte[]) datapoint.fields().get("payload"))[1] = 42;

        assertThat(datapoint.get("payload")).isEqualTo(new byte[]{0, 1, (byte) 0xfe});
        assertThat(datapoint).isEqualTo(type.decode(full()));
    }

    @Test
    void emptyRepeatedFieldsAreUnset() {
        Datapoint datapoint = type.decode(base().build().toByteString());

        assertThat(datapoint.fields()).containsOnlyKeys("time", "id");
        assertThat(datapoint.get("tags")).isNull();
    }

    private ByteString full() {
        Descriptor sensor = type.descriptor().findNestedTypeByName("Sensor");
        DynamicMessage sensorValue = DynamicMessage.newBuilder(sensor)
                .setField(sensor.findFieldByName("name"), "MSI")
                .setField(sensor.findFieldByName("mode"),
                        sensor.findFieldByName("mode").getEnumType().findValueByName("MODE_WIDE"))
                .setField(sensor.findFieldByName("calibrated_at"),
                        Sentinel2Msi.timestamp(Instant.parse("2024-12-31T23:00:00Z")))
                .build();
        var polarization = type.descriptor().findFieldByName("polarizations").getEnumType();
        return new Sentinel2Msi.Builder(type.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .add("tags", "night").add("tags", "coastal")
                .add("counts", 3L).add("counts", 1L).add("counts", 2L)
                .set("position", LatLon.newBuilder().setLongitude(12.5).build())
                .add("velocities", Vec3.newBuilder().setX(7.5).setY(-0.25).build())
                .add("velocities", Vec3.newBuilder().setZ(1.0).build())
                .set("exposure", com.google.protobuf.Duration.newBuilder().setSeconds(1).setNanos(500_000_000).build())
                .set("payload", ByteString.copyFrom(new byte[]{0, 1, (byte) 0xfe}))
                .set("calibrated", true)
                .set("gain", 1.25f)
                .set("band", -4)
                .set("checksum", -1L)
                .set("frame_count", -1)
                .add("related_ids", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .add("related_ids", Sentinel2Msi.uuid(RELATED))
                .add("polarizations", polarization.findValueByName("POLARIZATION_VV"))
                .add("polarizations", polarization.findValueByName("POLARIZATION_VH"))
                .set("sensor", sensorValue)
                .bytes();
    }

    private DynamicMessage.Builder base() {
        return DynamicMessage.newBuilder(type.descriptor())
                .setField(type.descriptor().findFieldByName("time"), Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .setField(type.descriptor().findFieldByName("id"), Sentinel2Msi.uuid(Sentinel2Msi.ID));
    }
}
