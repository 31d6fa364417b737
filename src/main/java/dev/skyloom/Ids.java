package dev.skyloom;

import com.google.protobuf.ByteString;
import dev.skyloom.wire.tilebox.v1.ID;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/** Conversions between {@link UUID} and the wire's 16-byte ids. */
final class Ids {

    private Ids() {
    }

    static ID toWire(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return ID.newBuilder().setUuid(ByteString.copyFrom(b.array())).build();
    }

    /** The id, or empty for an absent, empty or all-zero id (the wire's "no id"). */
    static Optional<UUID> fromWire(ID id) {
        ByteString bytes = id.getUuid();
        if (bytes.size() != 16) {
            return Optional.empty();
        }
        ByteBuffer b = bytes.asReadOnlyByteBuffer();
        UUID uuid = new UUID(b.getLong(), b.getLong());
        return uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0
                ? Optional.empty() : Optional.of(uuid);
    }

    static UUID required(ID id, String what) {
        return fromWire(id).orElseThrow(() -> new SkyloomException.Internal("internal",
                "the server sent a " + what + " without a valid id", null));
    }
}
