package dev.skyloom.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks scenario 9 makes on the files of a load: each passes on good files and catches what it is for. */
class OutputFilesTest {

    private static final String HEADER = "time,id,geometry\n";

    @TempDir
    Path dir;

    @Test
    void csvRowsMustBeExactlyCountedAndInTimeOrder() throws Exception {
        Path good = write("good.csv", HEADER + "2020-01-01T00:00:00Z,a,\"POINT (1, 2)\"\n"
                + "2020-01-01T00:00:00.500Z,b,\n2020-01-01T00:00:01Z,c,\n2020-01-01T00:00:01Z,d,\n");
        assertThatCode(() -> OutputFiles.csvRowsInTimeOrder(good, 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OutputFiles.csvRowsInTimeOrder(good, 5))
                .hasMessageEndingWith("good.csv holds 4 rows, expected 5");

        Path backwards = write("backwards.csv", HEADER + "2020-01-01T00:00:00.500Z,a,\n2020-01-01T00:00:00Z,b,\n");
        assertThatThrownBy(() -> OutputFiles.csvRowsInTimeOrder(backwards, 2))
                .hasMessageContaining("row 2 has time 2020-01-01T00:00:00Z, before the previous row's");
        Path noHeader = write("no-header.csv", "2020-01-01T00:00:00Z,a,\n");
        assertThatThrownBy(() -> OutputFiles.csvRowsInTimeOrder(noHeader, 1))
                .hasMessageContaining("the header does not start with 'time,'");
    }

    @Test
    void csvFilesMustHoldTheSameBytes() throws Exception {
        Path a = write("a.csv", HEADER + "2020-01-01T00:00:00Z,a,\n");
        Path same = write("same.csv", HEADER + "2020-01-01T00:00:00Z,a,\n");
        Path other = write("other.csv", HEADER + "2020-01-01T00:00:00Z,b,\n");
        assertThatCode(() -> OutputFiles.sameBytes(a, same)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OutputFiles.sameBytes(a, other))
                .hasMessageContaining("differ from byte " + (HEADER.length() + 21));
    }

    @Test
    void parquetRowsMustBeExactlyCountedAndInTimeOrder() throws Exception {
        Path ordered = parquet("ordered.parquet", "SELECT * FROM rows ORDER BY time");
        Path reversed = parquet("reversed.parquet", "SELECT * FROM rows ORDER BY time DESC");
        assertThatCode(() -> OutputFiles.parquetRowsInTimeOrder(ordered, 100, dir)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OutputFiles.parquetRowsInTimeOrder(ordered, 101, dir))
                .hasMessageEndingWith("ordered.parquet holds 100 rows, expected 101");
        assertThatThrownBy(() -> OutputFiles.parquetRowsInTimeOrder(reversed, 100, dir))
                .hasMessageEndingWith("99 rows have a time before the previous row's");
    }

    @Test
    void parquetFilesMustHoldTheSameRowsInTheSameOrder() throws Exception {
        Path a = parquet("a.parquet", "SELECT * FROM rows ORDER BY time");
        Path same = parquet("same.parquet", "SELECT * FROM rows ORDER BY time");
        Path swapped = parquet("swapped.parquet", "SELECT * FROM rows ORDER BY CASE id WHEN 3 THEN 4 WHEN 4 THEN 3"
                + " ELSE id END");
        Path changed = parquet("changed.parquet", "SELECT time, id, CASE id WHEN 50 THEN 'x' ELSE name END AS name"
                + " FROM rows ORDER BY time");
        Path longer = parquet("longer.parquet", "SELECT * FROM (SELECT * FROM rows UNION ALL SELECT * FROM rows"
                + " WHERE id = 99) ORDER BY time, id");
        assertThatCode(() -> OutputFiles.sameParquetRows(a, same, dir)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OutputFiles.sameParquetRows(a, swapped, dir))
                .hasMessageContaining("2 rows (with their positions) only in the first, 2 only in the second");
        assertThatThrownBy(() -> OutputFiles.sameParquetRows(a, changed, dir))
                .hasMessageContaining("1 rows (with their positions) only in the first, 1 only in the second");
        assertThatThrownBy(() -> OutputFiles.sameParquetRows(a, longer, dir))
                .hasMessageContaining("0 rows (with their positions) only in the first, 1 only in the second");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Writes 100 rows (id 0 to 99, one second apart, a name each) in the order {@code select} gives them. */
    private Path parquet(String name, String select) throws Exception {
        Path file = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rows AS SELECT TIMESTAMP '2020-01-01' + to_seconds(i) AS time, i AS id,"
                    + " 'row ' || i AS name FROM range(100) t(i)");
            statement.execute("SET preserve_insertion_order = true");
            statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }
}
