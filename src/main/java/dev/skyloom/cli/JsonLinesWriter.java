package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON Lines: one JSON object per datapoint and line, its fields in field order, or the fields chosen with
 * {@code --fields} in the order chosen ({@code collection} first when the batch names one), the values rendered by
 * {@link FieldJson}.
 */
final class JsonLinesWriter implements DatapointWriter {

    private final Writer out;
    private final List<String> chosen;
    private final StringBuilder scratch = new StringBuilder(64);
    private JsonGenerator json;

    /** @param chosen the fields chosen with {@code --fields}, each written (null if unset), or empty for all set */
    JsonLinesWriter(Writer out, List<String> chosen) {
        this.out = out;
        this.chosen = List.copyOf(chosen);
    }

    @Override
    public void write(String collection, List<Datapoint> batch) throws IOException {
        if (json == null) {
            json = FieldJson.generator(out);
        }
        for (Datapoint datapoint : batch) {
            json.writeStartObject();
            if (collection != null) {
                json.writeStringField(RowColumns.COLLECTION, collection);
            }
            if (chosen.isEmpty()) {
                for (Map.Entry<String, Object> field : datapoint.fields().entrySet()) {
                    json.writeFieldName(field.getKey());
                    FieldJson.write(json, field.getValue(), scratch);
                }
            } else {
                Map<String, Object> fields = datapoint.fields();
                for (String name : chosen) {
                    json.writeFieldName(name);
                    FieldJson.write(json, fields.get(name), scratch);
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        if (json != null) {
            json.flush();
        }
        out.flush();
    }
}
