package dev.skyloom.local.store;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.error.RpcException;

import java.util.List;

/**
 * The valid range of a {@code google.protobuf.Timestamp}, as its definition states it: {@code nanos} from 0 to
 * 999,999,999 and {@code seconds} from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. Every timestamp a client sends
 * is checked against it before the server computes with it (a time of 2<sup>62</sup> s overflowed the millisecond
 * arithmetic, and negative nanos shifted times silently).
 */
public final class Timestamps {

    /** The first valid second, 0001-01-01T00:00:00Z. */
    static final long MIN_SECONDS = -62_135_596_800L;
    /** The last valid second, 9999-12-31T23:59:59Z. */
    static final long MAX_SECONDS = 253_402_300_799L;

    private static final String TIMESTAMP = "google.protobuf.Timestamp";

    private Timestamps() {
    }

    /**
     * Checks one timestamp.
     *
     * @param what  what the timestamp is, for the message, e.g. {@code "time interval start_time"}
     * @param value the timestamp
     * @return the timestamp
     * @throws RpcException invalid_argument naming {@code what} and the broken bound
     */
    public static Timestamp check(String what, Timestamp value) {
        String problem = problem(value.getSeconds(), value.getNanos());
        if (problem != null) {
            throw RpcException.invalidArgument(what + " " + problem);
        }
        return value;
    }

    /**
     * Checks every Timestamp in a message, at any depth (in singular, repeated and map fields of nested messages).
     *
     * @param what    what the message is, for the message, e.g. {@code "datapoint 3"}
     * @param message the message
     * @throws RpcException invalid_argument naming {@code what}, the field and the broken bound
     */
    public static void checkAll(String what, Message message) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.isRepeated()) {
                List<?> values = (List<?>) message.getField(field);
                for (Object value : values) {
                    checkValue(what, field, (Message) value);
                }
            } else if (message.hasField(field)) {
                checkValue(what, field, (Message) message.getField(field));
            }
        }
    }

    private static void checkValue(String what, FieldDescriptor field, Message value) {
        if (!field.getMessageType().getFullName().equals(TIMESTAMP)) {
            checkAll(what, value);
            return;
        }
        FieldDescriptor seconds = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor nanos = field.getMessageType().findFieldByNumber(2);
        String problem = problem((Long) value.getField(seconds), (Integer) value.getField(nanos));
        if (problem != null) {
            throw RpcException.invalidArgument(what + ": field '" + field.getName() + "' " + problem);
        }
    }

    private static String problem(long seconds, int nanos) {
        if (nanos < 0 || nanos > 999_999_999) {
            return "has nanos " + nanos + ": they must be from 0 to 999,999,999";
        }
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            return "is " + seconds + " s from 1970: a time must be from 0001-01-01 to 9999-12-31 (" + MIN_SECONDS
                    + " to " + MAX_SECONDS + " s)";
        }
        return null;
    }
}
