package dev.skyloom;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unsigned fields on the way in ({@link FieldValueEncoder}) and in filters ({@link Filter#unsigned(BigInteger)}, CQL2
 * literals): the whole unsigned range is accepted, nothing outside it, and the bits sent are the unsigned value's.
 */
class UnsignedFieldEncodingTest {

    private static final Descriptor TYPE = type();

    private static Descriptor type() {
        DescriptorProto message = DescriptorProto.newBuilder().setName("Counters")
                .addField(field("u32", 1, Type.TYPE_UINT32))
                .addField(field("f32", 2, Type.TYPE_FIXED32))
                .addField(field("u64", 3, Type.TYPE_UINT64))
                .addField(field("f64", 4, Type.TYPE_FIXED64))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("counters.proto").setPackage("test")
                .setSyntax("editions").setEdition(Edition.EDITION_2023).addMessageType(message).build();
        try {
            return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Counters");
        } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldDescriptorProto field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).build();
    }

    private static Object encode(String field, Object value) {
        return FieldValueEncoder.value(TYPE.findFieldByName(field), value);
    }

    @Test
    void uint32TakesZeroTo2To32Minus1AndSendsItsBits() {
        assertThat(encode("u32", 4294967295L)).isEqualTo(-1);
        assertThat(encode("f32", "2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(encode("u32", 7)).isEqualTo(7);
        assertThatThrownBy(() -> encode("u32", -1)).hasMessage("-1 is out of range 0..4294967295");
        assertThatThrownBy(() -> encode("f32", 4294967296L)).hasMessage("4294967296 is out of range 0..4294967295");
    }

    @Test
    void uint64TakesZeroTo2To64Minus1AndSendsItsBits() {
        assertThat(encode("u64", new BigInteger("18446744073709551615"))).isEqualTo(-1L);
        assertThat(encode("f64", "9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(encode("u64", 42L)).isEqualTo(42L);
        assertThatThrownBy(() -> encode("u64", Long.MIN_VALUE))
                .hasMessage("-9223372036854775808 is out of range 0..18446744073709551615");
        assertThatThrownBy(() -> encode("f64", BigInteger.ONE.shiftLeft(64)))
                .hasMessage("18446744073709551616 is out of range 0..18446744073709551615");
        assertThatThrownBy(() -> encode("u64", BigInteger.TEN.pow(1000)))
                .hasMessage("a number of 1001 digits is out of range 0..18446744073709551615");
    }

    @Test
    void unsignedFilterLiteralsCoverTheWholeRange() {
        assertThat(Filter.unsigned(new BigInteger("18446744073709551615")))
                .isEqualTo(new FilterValue.Uint64(-1L));
        assertThat(((FilterValue.Uint64) Filter.unsigned(-1L)).value())
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> Filter.unsigned(BigInteger.valueOf(-1)))
                .hasMessage("an unsigned 64-bit value must be from 0 to 18446744073709551615, got -1");
        assertThatThrownBy(() -> Filter.unsigned(BigInteger.ONE.shiftLeft(64)))
                .hasMessageContaining("got 18446744073709551616");
    }

    @Test
    void cql2IntegersAboveTheSignedRangeBecomeUnsignedLiterals() {
        assertThat(Filter.parse("file_size = 18446744073709551615"))
                .isEqualTo(Filter.field("file_size").eq(Filter.unsigned(-1L)));
        assertThat(Filter.parse("file_size >= 9223372036854775808"))
                .isEqualTo(Filter.field("file_size").atLeast(Filter.unsigned(Long.MIN_VALUE)));
        assertThat(Filter.parse("file_size < 9223372036854775807"))
                .isEqualTo(Filter.field("file_size").lessThan(Long.MAX_VALUE));
        assertThatThrownBy(() -> Filter.parse("file_size = 18446744073709551616"))
                .hasMessage("column 13: 18446744073709551616 does not fit a 64-bit integer "
                        + "(-9223372036854775808 to 18446744073709551615)");
        assertThatThrownBy(() -> Filter.parse("file_size = " + "9".repeat(5000)))
                .hasMessageStartingWith("column 13: 99999999999999999999… (5000 digits) does not fit");
    }
}
