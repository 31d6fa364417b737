package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Writes JSON Lines: one JSON object per datapoint and line, with the values rendered by {@link FieldJson}. */
final class JsonLinesWriter implements DatapointWriter {

    private final Writer out;

    JsonLinesWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        for (Map<String, Object> fields : batch) {
            out.write(FieldJson.MAPPER.writeValueAsString(fields));
            out.write('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
