package dev.skyloom.local.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.tilebox.v1.ID;
import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Datapoint ids and the conversions around them. An id is 16 bytes: the first 48 bits are the big-endian Unix time of
 * the datapoint in milliseconds, the remaining 80 bits the start of the 128-bit MurmurHash3 (x64, seed 0) of the
 * datapoint's deterministic serialization (with {@code id} and {@code ingestion_time} cleared). Ids therefore sort,
 * compared as unsigned bytes, in time order at millisecond resolution, and identical datapoints get identical ids. The
 * hash is not cryptographic: ids are content-derived for deduplication, not a defence against crafted collisions
 * (SHA-256, run without the JIT's optimizing tier as CLI commands are, took a third of the demo's generation).
 */
public final class DatapointIds {

    /** The largest time, in Unix ms, whose id prefix fits in 48 bits. */
    static final long MAX_MS = (1L << 48) - 1;

    private DatapointIds() {
    }

    /** The id of a datapoint with time {@code timeMs} (0..{@link #MAX_MS}) and deterministic bytes {@code content}. */
    static byte[] derive(long timeMs, byte[] content) {
        long[] hash = MurmurHash3.hash128x64(content, 0, content.length, 0);
        byte[] id = prefix(timeMs);
        ByteBuffer.wrap(id).putLong(6, hash[0]).putShort(14, (short) (hash[1] >>> 48));
        return id;
    }

    /**
     * The smallest id of time {@code timeMs}: its 48-bit prefix followed by zeros.
     *
     * @param timeMs Unix milliseconds
     * @return the id, 16 bytes
     */
    public static byte[] prefix(long timeMs) {
        byte[] id = new byte[16];
        for (int i = 0; i < 6; i++) {
            id[i] = (byte) (timeMs >>> (8 * (5 - i)));
        }
        return id;
    }

    /**
     * The Unix ms encoded in an id's first 48 bits.
     *
     * @param id the id, 16 bytes
     * @return Unix milliseconds
     */
    public static long timeMs(byte[] id) {
        long ms = 0;
        for (int i = 0; i < 6; i++) {
            ms = (ms << 8) | (id[i] & 0xFF);
        }
        return ms;
    }

    /** A timestamp floored to Unix milliseconds (times before 1970 floor towards minus infinity). */
    static long floorMs(Timestamp time) {
        return Math.addExact(Math.multiplyExact(time.getSeconds(), 1000L), Math.floorDiv(time.getNanos(), 1_000_000));
    }

    /**
     * A timestamp of exactly {@code ms} Unix milliseconds.
     *
     * @param ms Unix milliseconds
     * @return the timestamp
     */
    public static Timestamp timestampOfMs(long ms) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(ms, 1000L))
                .setNanos((int) Math.floorMod(ms, 1000L) * 1_000_000).build();
    }

    /** Compares ids as unsigned big-endian numbers (the order of the index and of Query pages). */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * The 16 bytes of a wire id.
     *
     * @param id the wire id
     * @param what what the id is, for the error message, e.g. {@code "collection id"}
     * @return the bytes
     * @throws RpcException invalid_argument naming {@code what} if the id is not exactly 16 bytes
     */
    public static byte[] bytes(ID id, String what) {
        ByteString uuid = id.getUuid();
        if (uuid.size() != 16) {
            throw RpcException.invalidArgument("invalid " + what + ": expected a 16-byte UUID, got "
                    + uuid.size() + " bytes");
        }
        return uuid.toByteArray();
    }

    /**
     * A wire id of 16 bytes.
     *
     * @param id 16 bytes
     * @return the wire id
     */
    public static ID wire(byte[] id) {
        return ID.newBuilder().setUuid(ByteString.copyFrom(id)).build();
    }

    /**
     * A wire id of a UUID.
     *
     * @param uuid the UUID
     * @return the wire id
     */
    public static ID wire(UUID uuid) {
        return wire(toBytes(uuid));
    }

    /** The RFC 4122 network-order bytes of a UUID. */
    static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    /**
     * The UUID of 16 network-order bytes.
     *
     * @param bytes 16 bytes
     * @return the UUID
     */
    public static UUID toUuid(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /**
     * The UUID of a wire id.
     *
     * @param id the wire id
     * @param what what the id is, for the error message, e.g. {@code "collection id"}
     * @return the UUID
     * @throws RpcException invalid_argument naming {@code what} if the id is not exactly 16 bytes
     */
    public static UUID uuid(ID id, String what) {
        return toUuid(bytes(id, what));
    }
}
