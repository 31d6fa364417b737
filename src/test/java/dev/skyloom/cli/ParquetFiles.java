package dev.skyloom.cli;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a Parquet file back with the library, for assertions: its schema, footer metadata and rows. */
final class ParquetFiles {

    /** A whole file: binary values arrive as the library prints them (UUIDs as text, plain BINARY as 0x hex). */
    record Contents(MessageType schema, Map<String, String> metadata, List<Map<String, Object>> rows) {
    }

    private ParquetFiles() {
    }

    static Contents read(Path file) throws IOException {
        FileMetaData meta = ParquetReader.readMetadata(file.toFile()).getFileMetaData();
        try (Stream<Map<String, Object>> rows = ParquetReader.streamContent(file.toFile(), new RowHydrator())) {
            return new Contents(meta.getSchema(), meta.getKeyValueMetaData(), rows.toList());
        }
    }

    /** Decodes a WKB cell as {@link #read} returns it. */
    static Geometry wkb(Object cell) throws ParseException {
        String hex = cell.toString();
        return new WKBReader().read(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
    }

    private static final class RowHydrator implements Hydrator<Map<String, Object>, Map<String, Object>, String[]> {
        @Override
        public Map<String, Object> start() {
            return new LinkedHashMap<>();
        }

        @Override
        public Map<String, Object> add(Map<String, Object> row, String[] heading, Object value) {
            row.put(String.join(".", heading), value);
            return row;
        }

        @Override
        public Map<String, Object> finish(Map<String, Object> row) {
            return row;
        }
    }
}
