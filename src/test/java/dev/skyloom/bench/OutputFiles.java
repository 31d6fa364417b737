package dev.skyloom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files a {@code skyloom load --output-dir} wrote: checks that hold none of them in memory (CSV read line by line,
 * GeoParquet read by DuckDB, its JDBC driver, in-memory and spilling to a given directory), each throwing
 * {@link IllegalStateException} naming the file and what is wrong; and their deletion.
 */
final class OutputFiles {

    private static final String TIME_HEADER = "time,";

    private OutputFiles() {
    }

    /**
     * Checks that a CSV file has a header and exactly {@code expected} rows whose {@code time} (the first column)
     * never decreases.
     *
     * @throws IOException if the file cannot be read
     */
    static void csvRowsInTimeOrder(Path file, long expected) throws IOException {
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith(TIME_HEADER)) {
                throw new IllegalStateException(file + ": the header does not start with 'time,': " + header);
            }
            String previous = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows++;
                int comma = line.indexOf(',');
                String time = comma < 0 ? line : line.substring(0, comma);
                if (previous != null && before(time, previous)) {
                    throw new IllegalStateException(file + ": row " + rows + " has time " + time + ", before the"
                            + " previous row's " + previous);
                }
                previous = time;
            }
        }
        if (rows != expected) {
            throw new IllegalStateException(file + " holds " + rows + " rows, expected " + expected);
        }
    }

    /**
     * Whether ISO-8601 instant {@code a} lies before {@code b}. Two strings of one length have the same layout (the
     * writer prints fractions in groups of three digits), so they compare as text; others are parsed.
     */
    private static boolean before(String a, String b) {
        return a.length() == b.length() ? a.compareTo(b) < 0 : Instant.parse(a).isBefore(Instant.parse(b));
    }

    /** Checks that two files hold the same bytes, comparing them as streams. */
    static void sameBytes(Path a, Path b) throws IOException {
        long at = Files.mismatch(a, b);
        if (at != -1) {
            throw new IllegalStateException(a + " and " + b + " differ from byte " + at + " on (sizes "
                    + Files.size(a) + " and " + Files.size(b) + ")");
        }
    }

    /**
     * Checks that a GeoParquet file has exactly {@code expected} rows and that, in file order, no row's time lies
     * before the previous row's.
     *
     * @param spill where DuckDB may spill what does not fit its memory limit
     */
    static void parquetRowsInTimeOrder(Path file, long expected, Path spill) throws SQLException {
        String source = "read_parquet(" + literal(file) + ", file_row_number = true)";
        long rows = value(spill, "SELECT count(*) FROM " + source);
        if (rows != expected) {
            throw new IllegalStateException(file + " holds " + rows + " rows, expected " + expected);
        }
        long backwards = value(spill, "SELECT count(*) FROM (SELECT time, lag(time) OVER (ORDER BY file_row_number)"
                + " AS previous FROM " + source + ") WHERE time < previous");
        if (backwards != 0) {
            throw new IllegalStateException(file + ": " + backwards + " rows have a time before the previous row's");
        }
    }

    /**
     * Checks that two GeoParquet files hold the same rows in the same order: every row of each, with its position in
     * its file, is found in the other ({@code EXCEPT ALL} both ways is empty), and the row counts are equal.
     *
     * @param spill where DuckDB may spill what does not fit its memory limit
     */
    static void sameParquetRows(Path a, Path b, Path spill) throws SQLException {
        String first = "SELECT * FROM read_parquet(" + literal(a) + ", file_row_number = true)";
        String second = "SELECT * FROM read_parquet(" + literal(b) + ", file_row_number = true)";
        long onlyInFirst = value(spill, "SELECT count(*) FROM (" + first + " EXCEPT ALL " + second + ")");
        long onlyInSecond = value(spill, "SELECT count(*) FROM (" + second + " EXCEPT ALL " + first + ")");
        long countA = value(spill, "SELECT count(*) FROM (" + first + ")");
        long countB = value(spill, "SELECT count(*) FROM (" + second + ")");
        if (onlyInFirst != 0 || onlyInSecond != 0 || countA != countB) {
            throw new IllegalStateException(a + " and " + b + " differ: " + onlyInFirst + " rows (with their"
                    + " positions) only in the first, " + onlyInSecond + " only in the second, " + countA + " and "
                    + countB + " rows");
        }
    }

    /** Runs a one-number query in a fresh DuckDB held to 2 GB of memory, spilling to {@code spill}. */
    private static long value(Path spill, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '2GB'");
            statement.execute("SET temp_directory = " + literal(spill.toAbsolutePath()));
            try (ResultSet result = statement.executeQuery(sql)) {
                if (!result.next()) {
                    throw new IllegalStateException("no result from " + sql);
                }
                return result.getLong(1);
            }
        }
    }

    /** Deletes a directory and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String literal(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
