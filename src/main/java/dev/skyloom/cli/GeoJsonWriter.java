package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes one RFC 7946 FeatureCollection, streaming: each datapoint is a Feature whose {@code id} is the datapoint id,
 * whose {@code geometry} is the footprint (null when unset) and whose {@code properties} are all other fields.
 */
final class GeoJsonWriter implements DatapointWriter {

    private final JsonGenerator json;

    GeoJsonWriter(Writer out) {
        try {
            json = FieldJson.MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JSON document: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        for (Map<String, Object> fields : batch) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            if (fields.get("id") != null) {
                json.writeStringField("id", fields.get("id").toString());
            }
            json.writeFieldName("geometry");
            if (fields.get("geometry") instanceof Geometry geometry) {
                GeoJsonGeometry.write(json, geometry);
            } else {
                json.writeNull();
            }
            json.writeObjectFieldStart("properties");
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!field.getKey().equals("geometry")) {
                    json.writeFieldName(field.getKey());
                    json.writeObject(field.getValue());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }
}
