package dev.skyloom.local.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.FlightDirection;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.ProcessingLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DatapointEncoderTest {

    private static final AnnotatedType LANDSAT = DatasetTypeCompiler.compile(DemoCatalog.COPERNICUS_GROUP,
            Landsat8OliTirs.CODE_NAME, Landsat8OliTirs.type());

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesWhatDynamicMessageWritesForTheSameValuesDefaultsIncluded(boolean defaults) {
        Descriptor type = DatapointTypes.resolve(LANDSAT);
        long time = 1_577_836_800_123L;
        UUID uuid = UUID.fromString("c8b89388-2b0f-456d-9979-22717e812ca3");
        byte[] wkb = {1, 2, 3, 4, 5};
        String text = defaults ? "" : "LC08_L1TP";
        long integer = defaults ? 0 : 912_384_512L;
        double real = defaults ? 0.0 : 12.41;
        FlightDirection direction = defaults ? FlightDirection.FLIGHT_DIRECTION_UNSPECIFIED
                : FlightDirection.FLIGHT_DIRECTION_DESCENDING;

        byte[] encoded = new DatapointEncoder(LANDSAT).datapoint(time)
                .real("cloud_cover", real)
                .geometry("geometry", wkb)
                .text("granule_name", text)
                .enumValue("processing_level", ProcessingLevel.PROCESSING_LEVEL_L1)
                .uuid("copernicus_id", uuid)
                .flag("online", !defaults)
                .integer("file_size", integer)
                .enumValue("flight_direction", direction)
                .time("processing_date", time + 86_400_000L)
                .toBytes();

        DynamicMessage.Builder expected = DynamicMessage.newBuilder(type);
        expected.setField(type.findFieldByName("time"), Timestamp.newBuilder().setSeconds(1_577_836_800L)
                .setNanos(123_000_000).build());
        expected.setField(type.findFieldByName("cloud_cover"), real);
        expected.setField(type.findFieldByName("geometry"), Geometry.newBuilder()
                .setWkb(ByteString.copyFrom(wkb)).build());
        expected.setField(type.findFieldByName("granule_name"), text);
        expected.setField(type.findFieldByName("processing_level"), type.findFieldByName("processing_level")
                .getEnumType().findValueByNumber(ProcessingLevel.PROCESSING_LEVEL_L1_VALUE));
        expected.setField(type.findFieldByName("copernicus_id"), dev.skyloom.wire.datasets.v1.UUID.newBuilder()
                .setUuid(ByteString.copyFrom(new byte[] {(byte) 0xc8, (byte) 0xb8, (byte) 0x93, (byte) 0x88, 0x2b,
                        0x0f, 0x45, 0x6d, (byte) 0x99, 0x79, 0x22, 0x71, 0x7e, (byte) 0x81, 0x2c, (byte) 0xa3}))
                .build());
        expected.setField(type.findFieldByName("online"), !defaults);
        expected.setField(type.findFieldByName("file_size"), integer);
        expected.setField(type.findFieldByName("flight_direction"), type.findFieldByName("flight_direction")
                .getEnumType().findValueByNumber(direction.getNumber()));
        expected.setField(type.findFieldByName("processing_date"), Timestamp.newBuilder()
                .setSeconds(1_577_923_200L).setNanos(123_000_000).build());

        assertThat(encoded).isEqualTo(expected.build().toByteArray());
    }

    @Test
    void writesTimestampsOfWholeSecondsAndTheEpochAndGivesTheSameBytesWhenAskedTwice() {
        Descriptor type = DatapointTypes.resolve(LANDSAT);
        DatapointEncoder.Datapoint datapoint = new DatapointEncoder(LANDSAT).datapoint(0)
                .time("processing_date", 1_577_836_800_000L)
                .text("granule_name", "LC08 \u00e9t\u00e9");
        byte[] encoded = datapoint.toBytes();

        DynamicMessage expected = DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("time"), Timestamp.getDefaultInstance())
                .setField(type.findFieldByName("processing_date"), Timestamp.newBuilder().setSeconds(1_577_836_800L)
                        .build())
                .setField(type.findFieldByName("granule_name"), "LC08 \u00e9t\u00e9")
                .build();
        assertThat(encoded).isEqualTo(expected.toByteArray());
        assertThat(datapoint.toBytes()).isEqualTo(encoded);
    }
}
