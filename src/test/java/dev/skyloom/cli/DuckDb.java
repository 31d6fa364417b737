package dev.skyloom.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs SQL in a fresh in-memory DuckDB (its JDBC driver), as a user reading our files would. DuckDB 2.0 reads
 * GeoParquet geometry columns as {@code GEOMETRY} and has {@code ST_AsText} in its core, so no extension (which
 * would need a download) is loaded.
 */
final class DuckDb {

    private DuckDb() {
    }

    /** @return every row of {@code sql}'s result, column label to value (blobs as {@code byte[]}) */
    static List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    row.put(meta.getColumnLabel(i), value instanceof java.sql.Blob blob
                            ? blob.getBytes(1, (int) blob.length()) : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** @return the one value of {@code sql}'s one-row, one-column result */
    static Object value(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().values().iterator().next();
    }

    /** @return {@code path} as a single-quoted SQL string literal */
    static String literal(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
