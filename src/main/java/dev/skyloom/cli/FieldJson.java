package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;

/**
 * The Jackson mapper that turns datapoint field values into JSON: times and durations as ISO-8601 strings, UUIDs as
 * strings, geometries as GeoJSON geometry objects, bytes as base64, lists and nested messages as arrays and objects.
 */
final class FieldJson {

    /** The shared, thread-safe mapper. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("skyloom-geometry").addSerializer(Geometry.class, new GeometrySerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private FieldJson() {
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
