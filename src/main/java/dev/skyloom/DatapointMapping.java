package dev.skyloom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Maps a datapoint's converted fields into a caller's class with Jackson, without a JSON round trip: the values are
 * streamed into a token buffer, and values with no JSON form (times, UUIDs, geometries) travel as embedded objects,
 * which Jackson's deserializers for those types (and our geometry deserializer) hand over unchanged.
 */
final class DatapointMapping {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(geometryModule())
            // component names are compared in snake_case, so granuleName and granule_name both match granule_name
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DatapointMapping() {
    }

    private static SimpleModule geometryModule() {
        var module = new SimpleModule("skyloom-geometry");
        module.setDeserializers(new GeometryDeserializers());
        return module;
    }

    /**
     * Creates an instance of {@code type} from converted field values, as {@link Datapoint#as(Class)} describes.
     *
     * @throws IllegalArgumentException naming the datapoint type, the target class and Jackson's reason
     */
    static <T> T map(Map<String, Object> fields, Class<T> type, String typeUrl) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            write(buffer, fields);
            try (JsonParser parser = buffer.asParser(MAPPER)) {
                return MAPPER.readValue(parser, type);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot map a datapoint of type " + typeUrl + " into "
                    + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    write(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object element : list) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case String string -> out.writeString(string);
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case BigInteger number -> out.writeNumber(number);
            case Float number -> out.writeNumber(number);
            case Double number -> out.writeNumber(number);
            case Boolean bool -> out.writeBoolean(bool);
            case byte[] bytes -> out.writeBinary(bytes);
            default -> out.writeEmbeddedObject(value);
        }
    }

    /** Supplies the geometry deserializer for {@link Geometry} and each of its subtypes. */
    private static final class GeometryDeserializers extends SimpleDeserializers {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription description) {
            return Geometry.class.isAssignableFrom(type.getRawClass())
                    ? new GeometryDeserializer(type.getRawClass()) : null;
        }
    }

    /** Accepts an embedded geometry of the wanted type; anything else is a mismatch. */
    private static final class GeometryDeserializer extends JsonDeserializer<Geometry> {
        private final Class<?> wanted;

        GeometryDeserializer(Class<?> wanted) {
            this.wanted = wanted;
        }

        @Override
        public Geometry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT
                    && parser.getEmbeddedObject() instanceof Geometry geometry) {
                if (wanted.isInstance(geometry)) {
                    return geometry;
                }
                return (Geometry) context.reportInputMismatch(wanted, "expected a %s but the field holds a %s",
                        wanted.getSimpleName(), geometry.getGeometryType());
            }
            return (Geometry) context.handleUnexpectedToken(wanted, parser);
        }
    }
}
