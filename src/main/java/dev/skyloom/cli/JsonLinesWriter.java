package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON Lines: one JSON object per datapoint and line, its fields in field order ({@code collection} first when
 * the batch names one), the values rendered by {@link FieldJson}.
 */
final class JsonLinesWriter implements DatapointWriter {

    private final Writer out;
    private final StringBuilder scratch = new StringBuilder(64);
    private JsonGenerator json;

    JsonLinesWriter(Writer out) {
        this.out = out;
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
            for (Map.Entry<String, Object> field : datapoint.fields().entrySet()) {
                json.writeFieldName(field.getKey());
                FieldJson.write(json, field.getValue(), scratch);
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
