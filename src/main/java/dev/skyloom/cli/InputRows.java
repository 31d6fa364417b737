package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the datapoints of an {@code ingest} input file as field maps, each with the line it starts on: CSV (a header
 * row of field names; an empty cell leaves the field unset; values as text), JSON Lines (one object per line) or
 * GeoJSON (a FeatureCollection; a feature's geometry becomes the {@code geometry} field, its properties the others).
 * JSON values that look like GeoJSON geometries become geometries; other values are passed on as text, numbers,
 * booleans, lists and maps, which {@code Collection.ingest} converts to the field types.
 */
final class InputRows {

    /** One datapoint read from the file, with the 1-based line it starts on. */
    record Row(long line, Map<String, Object> fields) {
    }

    /** The input formats, chosen by {@code --input-format} or the file's extension. */
    enum Format { CSV, JSONL, GEOJSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private InputRows() {
    }

    /**
     * {@return the format of {@code file}, from its extension}
     *
     * @throws CommandFailure for an extension other than .csv, .jsonl, .ndjson, .geojson or .json
     */
    static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Format.GEOJSON;
        }
        throw new CommandFailure("cannot tell the format of " + file + " from its name: use --input-format csv, "
                + "jsonl or geojson", null);
    }

    /**
     * @throws CommandFailure naming the file and line of the first malformed row, or an unreadable file
     */
    static List<Row> read(Path file, Format format) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        return switch (format) {
            case CSV -> csv(file, text);
            case JSONL -> jsonLines(file, text);
            case GEOJSON -> geoJson(file, text);
        };
    }

    private static List<Row> csv(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvRecords.parse(file, text, records, lines);
        if (records.isEmpty()) {
            throw new CommandFailure(file + " is empty: it needs a header row of field names", null);
        }
        List<String> header = records.getFirst();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.getFirst().isEmpty()) {
                continue;
            }
            if (cells.size() != header.size()) {
                throw new CommandFailure(file + " line " + lines.get(r) + ": " + cells.size() + " cells, but the "
                        + "header has " + header.size(), null);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    fields.put(header.get(c).strip(), cells.get(c));
                }
            }
            rows.add(new Row(lines.get(r), fields));
        }
        return rows;
    }

    private static List<Row> jsonLines(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        long line = 0;
        for (String json : text.split("\n", -1)) {
            line++;
            if (json.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new CommandFailure(file + " line " + line + ": not JSON: " + e.getOriginalMessage(), e);
            }
            if (!node.isObject()) {
                throw new CommandFailure(file + " line " + line + ": expected a JSON object of field values", null);
            }
            rows.add(new Row(line, fields(file, line, node)));
        }
        return rows;
    }

    private static List<Row> geoJson(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CommandFailure(file + ": expected a GeoJSON FeatureCollection object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals("features")) {
                    parser.skipChildren();
                    continue;
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new CommandFailure(file + ": 'features' must be an array", null);
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    long line = parser.currentLocation().getLineNr();
                    JsonNode feature = parser.readValueAsTree();
                    rows.add(new Row(line, feature(file, line, feature)));
                }
            }
        } catch (IOException e) {
            throw new CommandFailure(file + ": not valid GeoJSON: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Map<String, Object> feature(Path file, long line, JsonNode feature) {
        JsonNode properties = feature.path("properties");
        Map<String, Object> fields = properties.isObject() ? fields(file, line, properties) : new LinkedHashMap<>();
        JsonNode geometry = feature.path("geometry");
        if (geometry.isObject()) {
            fields.put("geometry", geometry(file, line, geometry));
        }
        return fields;
    }

    private static Map<String, Object> fields(Path file, long line, JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                fields.put(entry.getKey(), value(file, line, entry.getValue()));
            }
        });
        return fields;
    }

    private static Object value(Path file, long line, JsonNode node) {
        if (node.isObject()) {
            return node.has("type") && (node.has("coordinates") || node.has("geometries"))
                    ? geometry(file, line, node) : fields(file, line, node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(value(file, line, element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    private static Object geometry(Path file, long line, JsonNode node) {
        try {
            return GeoJsonGeometry.read(node);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(file + " line " + line + ": invalid GeoJSON geometry: " + e.getMessage(), e);
        }
    }
}
