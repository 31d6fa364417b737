package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import dev.skyloom.wire.datasets.v1.Geometry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.skyloom.codec.FieldOutcomes.assertReadsAsProtobuf;
import static dev.skyloom.codec.FieldOutcomes.assertSameOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageReaderTest {

    private final DatapointType type = new DatapointTypes().register(EveryShape.annotatedType());
    private final Descriptor descriptor = type.descriptor();

    @Test
    void everyFieldShapeReadsAsProtobufReadsIt() {
        assertThat(type.reader()).isNotNull();
        ByteString bytes = full();

        assertReadsAsProtobuf(type, bytes);
        Map<String, Object> fields = type.decode(bytes).fields();
        assertThat(fields.get("u64")).isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThat(fields.get("f32")).isEqualTo(4294967295L);
        assertThat(fields.get("si32")).isEqualTo(-5);
        assertThat(fields.get("f")).isEqualTo(-1.5f);
        assertThat(fields.get("counts")).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(fields.get("legacy")).isEqualTo(Map.of("level", 3, "closed", "CLOSED_B", "closed_list",
                List.of("CLOSED_A")));
    }

    @Test
    void unsetFieldsWithoutPresenceReadAsTheirDefaults() {
        ByteString bytes = required().build().toByteString();

        assertReadsAsProtobuf(type, bytes);
        Map<String, Object> fields = type.decode(bytes).fields();
        assertThat(fields).containsEntry("d", 0.0).containsEntry("u64", java.math.BigInteger.ZERO)
                .containsEntry("mode", "MODE_UNSPECIFIED").containsEntry("s", "").doesNotContainKeys("maybe", "inner",
                        "names", "counts", "legacy");
        assertReadsAsProtobuf(type, required().setField(field("legacy"), DynamicMessage.getDefaultInstance(
                field("legacy").getMessageType())).build().toByteString());
    }

    @Test
    void packedAndUnpackedRepeatedFieldsReadBothWays() {
        ByteString bytes = required().build().toByteString().concat(encode(out -> {
            out.writeInt32(22, -3);                         // packed_ints, unpacked
            writePacked(out, 22, 7, 8);                     // and packed, appended
            writePacked(out, 40, 9);                        // unpacked_longs (sint64), packed
            out.writeSInt64(40, -10);
            out.writeTag(23, WireFormat.WIRETYPE_LENGTH_DELIMITED);  // packed_doubles, empty packed run
            out.writeUInt32NoTag(0);
            writePacked(out, 24, 1, 77, 1000);              // modes: known, undefined (open enum), far
        }));

        assertReadsAsProtobuf(type, bytes);
        Map<String, Object> fields = type.decode(bytes).fields();
        assertThat(fields.get("packed_ints")).isEqualTo(List.of(-3, 7, 8));
        assertThat(fields.get("modes")).isEqualTo(List.of("MODE_A", 77, "MODE_FAR"));
        assertThat(fields).doesNotContainKey("packed_doubles");
    }

    @Test
    void mapsKeepTheLastValueOfAKeyAndReadMissingPartsAsDefaults() {
        // protobuf-java writes both parts of every entry: entries lacking one are written by hand
        ByteString bytes = required()
                .addRepeatedField(field("counts"), entry("counts", "a", 1L))
                .addRepeatedField(field("counts"), entry("counts", "b", 2L))
                .addRepeatedField(field("counts"), entry("counts", "a", 3L))
                .build().toByteString().concat(encode(out -> {
                    out.writeByteArray(27, new byte[0]);                                   // counts: neither part
                    out.writeByteArray(28, encode(entry -> entry.writeInt32(1, 4)).toByteArray());   // no Inner
                    out.writeByteArray(30, encode(entry -> entry.writeBool(1, true)).toByteArray()); // no Timestamp
                    out.writeByteArray(29, encode(entry -> entry.writeUInt64(1, 5)).toByteArray());  // no UUID
                }));

        assertReadsAsProtobuf(type, bytes);
        Map<String, Object> fields = type.decode(bytes).fields();
        assertThat(fields.get("counts")).isEqualTo(Map.of("a", 3L, "b", 2L, "", 0L));
        assertThat(fields.get("inners")).isEqualTo(Map.of(4, Map.of("x", 0.0, "label", "")));
        assertThat(fields.get("times")).isEqualTo(Map.of(true, Instant.EPOCH));
        assertThat(fields.get("ids_by_key")).isEqualTo(Map.of());
    }

    @Test
    void aOneofKeepsTheMemberSentLast() {
        ByteString text = encode(out -> out.writeString(31, "text"));
        ByteString inner = encode(out -> out.writeMessage(32, inner(2.5, "in")));

        for (ByteString tail : List.of(text.concat(inner), inner.concat(text), text.concat(inner).concat(text)
                .concat(inner))) {
            assertReadsAsProtobuf(type, required().build().toByteString().concat(tail));
        }
        assertThat(type.decode(required().build().toByteString().concat(inner).concat(text)).fields())
                .containsEntry("choice_text", "text").doesNotContainKey("choice_inner");
    }

    @Test
    void unknownFieldsAndKnownFieldsWithAnotherWireTypeAreSkipped() {
        ByteString bytes = required().build().toByteString().concat(encode(out -> {
            out.writeString(999, "unknown");
            out.writeFixed64(998, 1);
            out.writeFixed32(997, 1);
            out.writeUInt64(996, 1);
            out.writeString(9, "i32 as bytes");      // i32 is a varint field
            out.writeFixed32(5, 3);                  // d is a fixed64 field
            out.writeInt32(13, 4);                   // s is length-delimited
            out.writeInt32(5000, 12);                // far, above the array of field numbers
        }));

        assertReadsAsProtobuf(type, bytes);
        assertThat(type.decode(bytes).fields()).containsEntry("i32", 0).containsEntry("far", 12);
    }

    @Test
    void closedEnumNumbersTheTypeLacksAreDroppedAndOpenOnesKept() {
        Descriptor legacy = field("legacy").getMessageType();
        ByteString legacyBytes = encode(out -> {
            out.writeEnum(2, 2);
            out.writeEnum(2, 99);                   // dropped: the field keeps CLOSED_B
            out.writeEnum(3, 99);
            writePacked(out, 3, 1, 98, 2);
        });
        ByteString bytes = required().setField(field("mode"), field("mode").getEnumType()
                .findValueByNumberCreatingIfUnknown(42)).build().toByteString()
                .concat(encode(out -> out.writeByteArray(36, legacyBytes.toByteArray())));

        assertReadsAsProtobuf(type, bytes);
        Map<String, Object> fields = type.decode(bytes).fields();
        assertThat(fields.get("mode")).isEqualTo(42);
        assertThat(fields.get("legacy")).isEqualTo(Map.of("closed", "CLOSED_B", "closed_list",
                List.of("CLOSED_A", "CLOSED_B")));
        assertThat(legacy.getFile().toProto().getSyntax()).isEqualTo("proto2");
    }

    @Test
    void recursiveMessagesReadToTheDepthLimitAndDeeperOnesGoToProtobuf() {
        assertReadsAsProtobuf(type, withNodes(MessageReader.DEPTH_LIMIT - 2));
        ByteString deeper = withNodes(MessageReader.DEPTH_LIMIT + 2);
        assertThatThrownBy(() -> type.reader().readDatapoint(deeper)).isNotNull();
        assertThat(assertSameOutcome(type, deeper)).isTrue();
        assertThat(assertSameOutcome(type, withNodes(150))).isFalse();
    }

    @Test
    void encodingsTheReaderLeavesToProtobufReadTheSame() {
        ByteString required = required().build().toByteString();
        List<ByteString> unusual = List.of(
                // a singular message sent twice, which protobuf merges
                required.concat(encode(out -> out.writeMessage(33, inner(1.0, "a")))).concat(encode(out ->
                        out.writeMessage(33, DynamicMessage.newBuilder(inner(1.0, "a")).setField(
                                field("inner").getMessageType().findFieldByName("label"), "b").build()))),
                // an unknown group
                required.concat(encode(out -> {
                    out.writeTag(900, WireFormat.WIRETYPE_START_GROUP);
                    out.writeInt32(1, 5);
                    out.writeTag(900, WireFormat.WIRETYPE_END_GROUP);
                })),
                // text that is not UTF-8 in a proto2 string, which protobuf reads with replacement characters
                required.concat(encode(out -> out.writeByteArray(36, encode(legacy ->
                        legacy.writeByteArray(4, new byte[]{'o', 'k', (byte) 0xc3})).toByteArray()))));

        for (ByteString bytes : unusual) {
            assertThatThrownBy(() -> type.reader().readDatapoint(bytes)).isNotNull();
            assertThat(assertSameOutcome(type, bytes)).isTrue();
        }
    }

    @Test
    void valuesThatCannotBeConvertedFailAsProtobufsParseDoes() {
        ByteString required = required().build().toByteString();
        List<ByteString> bad = List.of(
                required.concat(encode(out -> out.writeByteArray(13, new byte[]{(byte) 0xff}))),   // proto3 UTF-8
                required.concat(encode(out -> out.writeMessage(4, Geometry.newBuilder()
                        .setWkb(ByteString.copyFrom(new byte[]{1, 3, 0})).build()))),
                required.concat(encode(out -> out.writeMessage(29, entry("ids_by_key", 1L,
                        Sentinel2Msi.uuid(FieldOutcomes.ID).toBuilder().setUuid(ByteString.copyFromUtf8("short"))
                                .build())))),
                required.concat(encode(out -> out.writeMessage(38, com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(Long.MAX_VALUE).build()))));

        for (ByteString bytes : bad) {
            assertThat(assertSameOutcome(type, bytes)).isFalse();
        }
    }

    @Test
    void typesWithRequiredFieldsHaveNoReaderAndDecodeThroughProtobuf() {
        DatapointType legacy = new DatapointTypes().register(EveryShape.annotatedType(
                com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_REQUIRED));
        ByteString bytes = full();

        assertThat(legacy.reader()).isNull();
        assertThat(FieldOutcomes.canonical(legacy.decode(bytes).fields()))
                .isEqualTo(FieldOutcomes.canonical(type.decode(bytes).fields()));
    }

    private DynamicMessage.Builder required() {
        return EveryShape.required(descriptor);
    }

    private ByteString full() {
        return EveryShape.full(descriptor);
    }

    /** {@return a datapoint of {@code type} (an {@link EveryShape}) with every field set} */
    static ByteString fullExample(DatapointType type) {
        return EveryShape.full(type.descriptor());
    }

    private ByteString withNodes(int depth) {
        Descriptor node = field("node").getMessageType();
        DynamicMessage value = DynamicMessage.newBuilder(node).setField(node.findFieldByName("name"), "leaf").build();
        for (int i = 1; i < depth; i++) {
            value = DynamicMessage.newBuilder(node).setField(node.findFieldByName("child"), value).build();
        }
        DynamicMessage nodes = value;
        return required().build().toByteString().concat(encode(out -> out.writeMessage(35, nodes)));
    }

    private DynamicMessage inner(double x, String label) {
        return EveryShape.inner(descriptor, x, label);
    }

    private DynamicMessage entry(String map, Object key, Object value) {
        return EveryShape.entry(descriptor, map, key, value);
    }

    private FieldDescriptor field(String name) {
        return descriptor.findFieldByName(name);
    }

    private static void writePacked(CodedOutputStream out, int number, long... values) throws IOException {
        ByteString payload = encode(packed -> {
            for (long value : values) {
                packed.writeInt64NoTag(value);
            }
        });
        out.writeByteArray(number, payload.toByteArray());
    }

    static ByteString encode(Body body) {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteString();
    }

    @FunctionalInterface
    interface Body {
        void write(CodedOutputStream out) throws IOException;
    }
}
