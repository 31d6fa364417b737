package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns datapoint field values into JSON: times and durations as ISO-8601 strings, UUIDs as strings, geometries as
 * GeoJSON geometry objects, bytes as base64, lists and nested messages as arrays and objects.
 *
 * <p>The writers stream through one generator per output ({@link #generator}) and write the value types datapoints
 * hold directly ({@link #write}); the shared mapper renders the rest, the same way.
 */
final class FieldJson {

    /** The shared, thread-safe mapper. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("skyloom-geometry").addSerializer(Geometry.class, new GeometrySerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private FieldJson() {
    }

    /**
     * @return a generator over {@code out} that writes no separator between root values and leaves {@code out} open
     * @throws IOException if the generator cannot be created
     */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }

    /**
     * Writes one field value.
     *
     * @param scratch a buffer the caller reuses between calls
     * @throws IOException if the generator fails
     */
    static void write(JsonGenerator json, Object value, StringBuilder scratch) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Double number -> json.writeNumber(number);
            case Long number -> json.writeNumber(number);
            case Integer number -> json.writeNumber(number);
            case Boolean flag -> json.writeBoolean(flag);
            case Instant instant -> {
                scratch.setLength(0);
                InstantText.append(scratch, instant);
                json.writeString(scratch.toString());
            }
            case UUID uuid -> json.writeString(uuid.toString());
            case Geometry geometry -> GeoJsonGeometry.write(json, geometry);
            case List<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element, scratch);
                }
                json.writeEndArray();
            }
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    write(json, entry.getValue(), scratch);
                }
                json.writeEndObject();
            }
            default -> MAPPER.writeValue(json, value);
        }
    }

    private static final class GeometrySerializer extends JsonSerializer<Geometry> {
        @Override
        public void serialize(Geometry value, JsonGenerator out, SerializerProvider provider) throws IOException {
            GeoJsonGeometry.write(out, value);
        }

        @Override
        public Class<Geometry> handledType() {
            return Geometry.class;
        }
    }
}
