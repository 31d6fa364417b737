package dev.skyloom;

import dev.skyloom.codec.FieldMap;
import dev.skyloom.codec.WireFields;
import org.locationtech.jts.geom.Geometry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One datapoint of a dataset: its id, its time and the values of its fields, by the field names of the dataset's type.
 *
 * {@snippet :
 * Datapoint datapoint = page.get(0);
 * UUID id = datapoint.id();
 * Instant time = datapoint.time();
 * String granule = (String) datapoint.get("granule_name");          // null if this datapoint leaves it unset
 * Optional<Geometry> footprint = datapoint.geometry();
 *
 * record Granule(UUID id, Instant time, String granuleName, double cloudCover, Geometry geometry) {}
 * Granule granule = datapoint.as(Granule.class);
 * }
 *
 * <p>Field values are plain Java values:
 * <ul>
 *   <li>{@code google.protobuf.Timestamp} → {@link Instant}; {@code google.protobuf.Duration} →
 *       {@link java.time.Duration};</li>
 *   <li>{@code datasets.v1.UUID} and {@code tilebox.v1.ID} → {@link UUID};</li>
 *   <li>{@code datasets.v1.Geometry} → a JTS {@link Geometry} (SRID 4326, x = longitude, y = latitude);</li>
 *   <li>enums → the value's full name as a {@code String} (e.g. {@code "PROCESSING_LEVEL_L1C"}), or the number as an
 *       {@code Integer} for a value the type does not define;</li>
 *   <li>other messages (e.g. {@code Vec3}, {@code LatLon}) → an unmodifiable {@code Map<String, Object>} of their
 *       fields, converted the same way;</li>
 *   <li>repeated fields → an unmodifiable {@code List}; proto maps → an unmodifiable {@code Map};</li>
 *   <li>{@code bytes} → {@code byte[]}, a fresh copy on every access so that the datapoint stays immutable;</li>
 *   <li>{@code int64}, {@code sint64}, {@code sfixed64} → {@code Long}; {@code uint64} and {@code fixed64} →
 *       {@link java.math.BigInteger}, always (0 to 2<sup>64</sup>−1, never negative; a Java {@code long} cannot hold
 *       the upper half, and one type per field type keeps columns and casts stable); {@code uint32} and
 *       {@code fixed32} → {@code Long} (0 to 2<sup>32</sup>−1); other 32-bit integers → {@code Integer};
 *       {@code float}, {@code double}, {@code bool}, {@code string} → {@code Float}, {@code Double},
 *       {@code Boolean}, {@code String}.</li>
 * </ul>
 * A field is <em>set</em> when the datapoint carries it: repeated fields when not empty, empty UUID and Geometry
 * messages count as unset, and fields without presence tracking (proto3-style scalars, as in legacy types and in
 * {@code Vec3} or {@code LatLon}) always count as set, with their zero value if not sent. Unset fields are absent
 * from {@link #fields()} and {@link #get(String)} returns null for them.
 *
 * <p>A datapoint is immutable and safe to share between threads; {@code equals} and {@code hashCode} compare the type
 * and every field value. It is a final class rather than a record because the field values are converted only when
 * first asked for (and then kept): a decoded datapoint holds its id, its time and its serialized bytes, so decoding a
 * page costs a pass over the bytes, and a caller who reads only ids and times never pays for parsing the other
 * fields or converting geometries.
 */
public final class Datapoint {

    private static final VarHandle FIELDS;

    static {
        try {
            FIELDS = MethodHandles.lookup().findVarHandle(Datapoint.class, "fields", Map.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // the CLI's writers read a decoded datapoint's bytes directly while it still holds them
        WireFields.install(datapoint -> datapoint.source);
    }

    private final String typeUrl;
    private final UUID id;
    private final Instant time;
    private final List<String> fieldNames;
    private volatile Supplier<Map<String, Object>> source;
    private volatile Map<String, Object> fields;

    /**
     * Creates a datapoint whose field values are computed on first use. Applications receive datapoints from queries;
     * this constructor is for decoders and for tests.
     *
     * @param typeUrl    the full name of the dataset's datapoint message, e.g.
     *                   {@code datasets.v1.group_019039b5c894a3db09e149ee36fe4983.Sentinel2Msi}
     * @param id         the datapoint's id
     * @param time       the datapoint's time
     * @param fieldNames every field name of the type, in field-number order (it must include {@code time} and
     *                   {@code id})
     * @param fields     computes the set fields, in field-number order, values converted as the class documents; it
     *                   is called at most once per racing thread and must return the same values each time
     * @throws IllegalArgumentException if {@code fieldNames} lacks {@code time} or {@code id}
     */
    public Datapoint(String typeUrl, UUID id, Instant time, List<String> fieldNames,
                     Supplier<Map<String, Object>> fields) {
        this.typeUrl = Objects.requireNonNull(typeUrl, "typeUrl");
        this.id = Objects.requireNonNull(id, "id");
        this.time = Objects.requireNonNull(time, "time");
        this.fieldNames = List.copyOf(fieldNames);
        this.source = Objects.requireNonNull(fields, "fields");
        if (!this.fieldNames.contains("time") || !this.fieldNames.contains("id")) {
            throw new IllegalArgumentException("the fields of type " + typeUrl + " must include 'time' and 'id', got "
                    + this.fieldNames);
        }
    }

    /** {@return the full name of the dataset's datapoint message this datapoint is an instance of} */
    public String typeUrl() {
        return typeUrl;
    }

    /** {@return the datapoint's id (field {@code id}), unique within its dataset and time-ordered} */
    public UUID id() {
        return id;
    }

    /** {@return the datapoint's time (field {@code time})} */
    public Instant time() {
        return time;
    }

    /**
     * {@return when the service ingested the datapoint (field {@code ingestion_time}), or empty if the type has no
     * such field or it is unset}
     * @throws SkyloomException.Internal if a field value cannot be converted (see {@link #fields()})
     */
    public Optional<Instant> ingestionTime() {
        return converted().get("ingestion_time") instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }

    /**
     * {@return the datapoint's footprint (field {@code geometry}), or empty for temporal datasets and unset
     * geometries}
     * @throws SkyloomException.Internal if a field value cannot be converted (see {@link #fields()})
     */
    public Optional<Geometry> geometry() {
        return converted().get("geometry") instanceof Geometry geometry ? Optional.of(geometry) : Optional.empty();
    }

    /**
     * Every set field, including {@code time}, {@code id}, {@code ingestion_time} and {@code geometry}, by its proto
     * field name, in field-number order.
     *
     * @return an unmodifiable map; values are converted as the class documents
     * @throws SkyloomException.Internal if a field value cannot be converted, e.g. a geometry that is not valid WKB
     */
    public Map<String, Object> fields() {
        Map<String, Object> values = converted();
        return values instanceof FieldMap map && !map.mayHoldBytes() ? map : FieldValues.withCopiedBytes(values);
    }

    /**
     * The value of one field.
     *
     * @param name the proto field name, e.g. {@code "cloud_cover"}
     * @return the converted value, or null if the field is unset in this datapoint
     * @throws IllegalArgumentException if the type has no field of that name (the message lists the type's fields)
     * @throws SkyloomException.Internal if a field value cannot be converted (see {@link #fields()})
     */
    public Object get(String name) {
        Object value = converted().get(name);
        if (value == null && !fieldNames.contains(name)) {
            throw new IllegalArgumentException("type " + typeUrl + " has no field '" + name + "'; its fields are "
                    + String.join(", ", fieldNames));
        }
        return FieldValues.withCopiedBytes(value);
    }

    /**
     * Maps the fields into an instance of the caller's record or bean, with Jackson. A field fills the component or
     * property named exactly like the proto field ({@code cloud_cover}) or like its lowerCamelCase form
     * ({@code cloudCover}); a name with a digit right after an underscore ({@code bands_10m}) needs the exact name
     * or {@code @JsonProperty}. Nested messages fill nested records or maps. Numbers fill any numeric component
     * they fit ({@code long}, {@code BigInteger}, ...; a uint64 value above {@link Long#MAX_VALUE} needs a
     * {@code BigInteger}, a {@code String} or a {@code double}) or a {@code String} component, as their decimal text.
     * {@code Instant}, {@code Duration},
     * {@code UUID}, {@code Geometry} (or a subtype) and {@code byte[]} values land in components of those types
     * (or of {@code String}, as their {@code toString()}). Fields without a matching component are ignored; components
     * without a set field get Jackson's default (null, 0, false).
     *
     * @param type the target class; Jackson must be able to create it (records and beans with a default constructor)
     * @param <T>  the target type
     * @return a new instance
     * @throws IllegalArgumentException if a value does not fit its component's type or the class cannot be created
     * @throws SkyloomException.Internal if a field value cannot be converted (see {@link #fields()})
     */
    public <T> T as(Class<T> type) {
        return DatapointMapping.map(converted(), type, typeUrl);
    }

    private Map<String, Object> converted() {
        Map<String, Object> done = fields;
        if (done != null) {
            return done;
        }
        Supplier<Map<String, Object>> pending = source;
        if (pending != null) {
            // Racing threads may each convert; the first result wins and every caller sees that one. A decoder's
            // FieldMap is already an immutable snapshot; any other map is copied.
            Map<String, Object> computed = pending.get();
            if (!(computed instanceof FieldMap)) {
                computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
            }
            if (FIELDS.compareAndSet(this, null, computed)) {
                source = null;
            }
        }
        return fields;
    }

    /** Two datapoints are equal if they have the same type and the same field values (byte arrays by content). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Datapoint that && typeUrl.equals(that.typeUrl) && id.equals(that.id)
                && FieldValues.deepEquals(converted(), that.converted());
    }

    /** A hash of the type and the field values, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return 31 * typeUrl.hashCode() + FieldValues.deepHashCode(converted());
    }

    /** {@return the type, id and time, e.g. {@code Datapoint[datasets.v1.group_….Sentinel2Msi, id=…, time=…]}} */
    @Override
    public String toString() {
        return "Datapoint[" + typeUrl + ", id=" + id + ", time=" + time + "]";
    }
}
