package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes one RFC 7946 FeatureCollection, streaming: each datapoint is a Feature whose {@code id} is the datapoint id,
 * whose {@code geometry} is the footprint shaped by {@link Rfc7946} (null when unset) and whose {@code properties}
 * are all other fields, or the ones chosen with {@code --fields} ({@code collection} first when the batch names one).
 * A Feature keeps its id and geometry whichever fields are chosen.
 */
final class GeoJsonWriter implements DatapointWriter {

    private final Writer out;
    private final List<String> chosen;
    private final StringBuilder scratch = new StringBuilder(64);
    private JsonGenerator json;

    /** @param chosen the properties chosen with {@code --fields}, each written (null if unset), or empty for all */
    GeoJsonWriter(Writer out, List<String> chosen) {
        this.out = out;
        this.chosen = chosen.stream().filter(name -> !name.equals("geometry")).toList();
    }

    @Override
    public void write(String collection, List<Datapoint> batch) throws IOException {
        start();
        for (Datapoint datapoint : batch) {
            Map<String, Object> fields = datapoint.fields();
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeStringField("id", datapoint.id().toString());
            json.writeFieldName("geometry");
            if (datapoint.geometry().isPresent()) {
                GeoJsonGeometry.write(json, Rfc7946.shape(datapoint.geometry().get()));
            } else {
                json.writeNull();
            }
            json.writeObjectFieldStart("properties");
            if (collection != null) {
                json.writeStringField(RowColumns.COLLECTION, collection);
            }
            if (chosen.isEmpty()) {
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    if (!field.getKey().equals("geometry")) {
                        json.writeFieldName(field.getKey());
                        FieldJson.write(json, field.getValue(), scratch);
                    }
                }
            } else {
                for (String name : chosen) {
                    json.writeFieldName(name);
                    FieldJson.write(json, fields.get(name), scratch);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    @Override
    public void finish() throws IOException {
        start();
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
        out.flush();
    }

    private void start() throws IOException {
        if (json == null) {
            json = FieldJson.generator(out);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
        }
    }
}
