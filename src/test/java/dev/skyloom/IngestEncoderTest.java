package dev.skyloom;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.skyloom.codec.DatapointType;
import dev.skyloom.codec.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestEncoderTest {

    static final List<FieldSpec> EVERY_TYPE = List.of(
            FieldSpec.of("name", FieldType.STRING).asQueryable(),
            FieldSpec.of("blob", FieldType.BYTES),
            FieldSpec.of("flag", FieldType.BOOL).asQueryable(),
            FieldSpec.of("count", FieldType.INT64).asQueryable(),
            FieldSpec.of("size", FieldType.UINT64).asQueryable(),
            FieldSpec.of("ratio", FieldType.DOUBLE).asQueryable(),
            FieldSpec.of("span", FieldType.DURATION),
            FieldSpec.of("seen", FieldType.TIMESTAMP),
            FieldSpec.of("ref", FieldType.UUID),
            FieldSpec.of("footprint", FieldType.GEOMETRY),
            FieldSpec.of("tags", FieldType.STRING).asRepeated());

    private static final AnnotatedType TYPE = DatasetTypeCompiler.compile(WireFixtures.GROUP, "every_type",
            DatasetTypeWire.of(DatasetKind.SPATIOTEMPORAL, EVERY_TYPE).toBuilder()
                    .addFields(DatasetFields.enumField("level", DatasetFields.PROCESSING_LEVEL, false, "", ""))
                    .build());
    private static final DatapointType DECODER = new DatapointTypes().register(TYPE);
    private static final Descriptor DESCRIPTOR = DECODER.descriptor();
    private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Instant T = Instant.parse("2025-04-01T12:00:00.123456789Z");
    private static final UUID ID = UUID.fromString("01941f29-c650-202f-6495-c71dd2118fb1");
    private static final BigInteger MAX_UINT64 = new BigInteger("18446744073709551615");

    record Everything(Instant time, Geometry geometry, String name, byte[] blob, boolean flag, long count,
                      BigInteger size,
                      double ratio, Duration span, Instant seen, UUID ref, Geometry footprint, List<String> tags,
                      String level) {
    }

    record CamelCase(Instant time, double ratio, Instant ingestionTime, UUID id) {
    }

    /** A bean with a getter, as Jackson reads it. */
    public static final class Bean {
        public Instant getTime() {
            return T;
        }

        public long getCount() {
            return 7;
        }
    }

    private final IngestEncoder encoder = new IngestEncoder(DESCRIPTOR);

    private static Datapoint decode(ByteString encoded) throws InvalidProtocolBufferException {
        DynamicMessage message = DynamicMessage.parseFrom(DESCRIPTOR, encoded);
        var id = DESCRIPTOR.findFieldByName("id");
        DynamicMessage withId = message.toBuilder().setField(id, DynamicMessage.newBuilder(id.getMessageType())
                .setField(id.getMessageType().findFieldByName("uuid"), Ids.toWire(ID).getUuid()).build()).build();
        return DECODER.decode(withId.toByteString());
    }

    @Test
    void aRecordFillsEveryFieldTypeAndDecodesToTheSameValues() throws Exception {
        Geometry point = GEOMETRIES.createPoint(new Coordinate(13.4, 52.5));
        Geometry box = GEOMETRIES.toGeometry(new org.locationtech.jts.geom.Envelope(1, 2, 3, 4));
        var item = new Everything(T, box, "S2B", new byte[] {1, 2, 3}, true, -5, MAX_UINT64, 2.5,
                Duration.ofMinutes(90),
                T.minusSeconds(60), ID, point, List.of("a", "b"), "L1C");

        Datapoint decoded = decode(encoder.encode(item, 0));

        assertThat(decoded.time()).isEqualTo(T);
        assertThat(decoded.geometry()).contains(box);
        assertThat(decoded.get("name")).isEqualTo("S2B");
        assertThat((byte[]) decoded.get("blob")).containsExactly(1, 2, 3);
        assertThat(decoded.get("flag")).isEqualTo(true);
        assertThat(decoded.get("count")).isEqualTo(-5L);
        assertThat(decoded.get("size")).isEqualTo(MAX_UINT64);
        assertThat(decoded.get("ratio")).isEqualTo(2.5);
        assertThat(decoded.get("span")).isEqualTo(Duration.ofMinutes(90));
        assertThat(decoded.get("seen")).isEqualTo(T.minusSeconds(60));
        assertThat(decoded.get("ref")).isEqualTo(ID);
        assertThat(decoded.get("footprint")).isEqualTo(point);
        assertThat(decoded.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(decoded.get("level")).isEqualTo("PROCESSING_LEVEL_L1C");
    }

    @Test
    void mapsTextValuesBeansAndDatapointsAreEncodedAlike() throws Exception {
        Map<String, Object> map = new HashMap<>();
        map.put("time", "2025-04-01T12:00:00.123456789Z");
        map.put("count", "42");
        map.put("size", "18446744073709551615");
        map.put("ref", ID.toString());
        map.put("footprint", "POINT (13.4 52.5)");
        map.put("span", "PT1H");
        map.put("level", "PROCESSING_LEVEL_L2A");
        map.put("name", null);
        Datapoint fromMap = decode(encoder.encode(map, 0));
        assertThat(fromMap.time()).isEqualTo(T);
        assertThat(fromMap.get("count")).isEqualTo(42L);
        assertThat(fromMap.get("size")).isEqualTo(MAX_UINT64);
        assertThat(fromMap.get("ref")).isEqualTo(ID);
        assertThat(fromMap.get("footprint")).isEqualTo(GEOMETRIES.createPoint(new Coordinate(13.4, 52.5)));
        assertThat(fromMap.get("span")).isEqualTo(Duration.ofHours(1));
        assertThat(fromMap.get("level")).isEqualTo("PROCESSING_LEVEL_L2A");
        assertThat(fromMap.fields()).doesNotContainKey("name");

        assertThat(decode(encoder.encode(fromMap, 0))).isEqualTo(fromMap);
        assertThat(decode(encoder.encode(new Bean(), 0)).get("count")).isEqualTo(7L);
    }

    @Test
    void camelCaseNamesMatchAndServerSetFieldsAreIgnored() throws Exception {
        Datapoint decoded = decode(encoder.encode(new CamelCase(T, 0.5, T, UUID.randomUUID()), 0));
        assertThat(decoded.get("ratio")).isEqualTo(0.5);
        assertThat(decoded.fields()).doesNotContainKey("ingestion_time");
        assertThat(decoded.id()).isEqualTo(ID);
    }

    @Test
    void badItemsAreRejectedNamingTheItemAndTheField() {
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "colour", "red"), 3))
                .isInstanceOf(InvalidItemException.class)
                .hasMessageStartingWith("item 3, field 'colour': no such field; the fields of EveryType are time, id, "
                        + "ingestion_time, geometry, name, blob")
                .satisfies(e -> {
                    assertThat(((InvalidItemException) e).index()).isEqualTo(3);
                    assertThat(((InvalidItemException) e).field()).contains("colour");
                });
        assertThatThrownBy(() -> encoder.encode(Map.of("name", "x"), 4))
                .hasMessage("item 4, field 'time': missing; every datapoint needs a time");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "count", "many"), 5))
                .hasMessage("item 5, field 'count': expected an integer, got text 'many'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "count", 1.5), 5))
                .hasMessage("item 5, field 'count': expected an integer, got a number '1.5'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "name", 5L), 5))
                .hasMessage("item 5, field 'name': expected text, got a whole number '5'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "count", List.of(1, 2)), 5))
                .hasMessage("item 5, field 'count': expected an integer, got a list '[1, 2]'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "name", Map.of("a", true)), 5))
                .hasMessage("item 5, field 'name': expected text, got an object '{a=true}'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "size", -1), 6))
                .hasMessage("item 6, field 'size': -1 is out of range 0..18446744073709551615");
        // a negative Long is a negative number, not the bits of a large one
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "size", -1L), 6))
                .hasMessage("item 6, field 'size': -1 is out of range 0..18446744073709551615");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "size", "18446744073709551616"), 6))
                .hasMessage("item 6, field 'size': 18446744073709551616 is out of range 0..18446744073709551615");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "size", "9".repeat(100_000)), 6))
                .hasMessageStartingWith("item 6, field 'size': expected an integer of at most 40 characters, got "
                        + "text '99999");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "level", "L9"), 7))
                .hasMessageStartingWith("item 7, field 'level': 'L9' is not a value of datasets.v1.ProcessingLevel (");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", "yesterday"), 8))
                .hasMessage("item 8, field 'time': expected an ISO-8601 time with offset (e.g. 2025-01-01T00:00:00Z), "
                        + "got text 'yesterday'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "tags", "a"), 9))
                .hasMessage("item 9, field 'tags': expected a list, got text 'a'");
        assertThatThrownBy(() -> encoder.encode(Map.of("time", T, "footprint", new byte[] {1, 2}), 10))
                .hasMessageStartingWith("item 10, field 'footprint': not a valid WKB geometry (2 bytes)");
        assertThatThrownBy(() -> encoder.encode(null, 11)).hasMessage("item 11: the item is null");
        assertThatThrownBy(() -> encoder.encode("time=now", 12))
                .hasMessage("item 12: a String is not a datapoint; items are records, beans, maps or Datapoints");
    }
}
