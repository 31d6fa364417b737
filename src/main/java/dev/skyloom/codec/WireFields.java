package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import dev.skyloom.Datapoint;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a decoded {@link Datapoint} computes its fields from until they are first asked for: its serialized bytes and
 * its type. The CLI's writers read these bytes directly ({@link WireRow}) instead of asking for the converted fields,
 * when the datapoint still holds them.
 */
public final class WireFields implements Supplier<Map<String, Object>> {

    private static volatile Function<Datapoint, Object> sources;

    final DatapointType type;
    final ByteString bytes;
    private final UUID id;

    WireFields(DatapointType type, ByteString bytes, UUID id) {
        this.type = type;
        this.bytes = bytes;
        this.id = id;
    }

    /** {@return the datapoint's type} */
    public DatapointType type() {
        return type;
    }

    /** {@return the datapoint's fields, read from its bytes (see {@link DatapointType#fields})} */
    @Override
    public Map<String, Object> get() {
        return type.fields(bytes, id);
    }

    /**
     * Lets this package see what a datapoint computes its fields from; {@link Datapoint} calls it once, when it is
     * initialized.
     *
     * @param access gives a datapoint's pending field source, or null once its fields were converted
     * @throws IllegalStateException if called a second time
     */
    public static synchronized void install(Function<Datapoint, Object> access) {
        if (sources != null) {
            throw new IllegalStateException("already installed");
        }
        sources = Objects.requireNonNull(access, "access");
    }

    /**
     * Gives a datapoint's wire form.
     *
     * @param datapoint a datapoint
     * @return its wire form, or null if it was not decoded by a {@link DatapointType} or its fields were already
     *         converted (and its bytes dropped)
     */
    public static WireFields of(Datapoint datapoint) {
        return sources.apply(datapoint) instanceof WireFields wire ? wire : null;
    }
}
