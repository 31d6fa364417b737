package dev.skyloom.local.store;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTest {

    @TempDir
    Path dir;

    private Database open(boolean inMemory) {
        return Database.open(inMemory ? null : dir);
    }

    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void readsRunConcurrentlyWhileWritesWaitForThem(boolean inMemory) throws Exception {
        try (Database db = open(inMemory)) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO dataset_groups (id, code_name, name) VALUES (x'01', 'g', 'G')");
                }
                return null;
            });
            CountDownLatch firstReading = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Thread first = Thread.ofVirtual().start(() -> db.read(c -> {
                firstReading.countDown();
                await(releaseFirst);
                return null;
            }));
            assertThat(firstReading.await(5, TimeUnit.SECONDS)).isTrue();

            // A second read completes while the first one is still holding its connection.
            int seen = db.read(DatabaseTest::count);
            assertThat(seen).isEqualTo(1);

            // A write waits until the read is done.
            AtomicBoolean written = new AtomicBoolean();
            Thread writer = Thread.ofVirtual().start(() -> {
                db.transaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO dataset_groups (id, code_name, name) VALUES (x'02', 'h', 'H')");
                    }
                    return null;
                });
                written.set(true);
            });
            Thread.sleep(200);
            assertThat(written).isFalse();
            releaseFirst.countDown();
            first.join();
            writer.join();
            assertThat(written).isTrue();
            int after = db.read(DatabaseTest::count);
            assertThat(after).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void aFullDatabaseRefusesTheWriteAsResourceExhaustedAndKeepsWorking(boolean inMemory) {
        try (Database db = Database.open(inMemory ? null : dir, false, 256 * 1024)) {
            String row = "INSERT INTO dataset_groups (id, code_name, name) VALUES (randomblob(16), 'g', ?)";
            RpcException full = assertThrows(RpcException.class, () -> db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement(row)) {
                    for (int i = 0; i < 1000; i++) {
                        s.setString(1, "x".repeat(1000));
                        s.executeUpdate();
                    }
                }
                return null;
            }));
            assertThat(full.code()).isEqualTo(ConnectCode.RESOURCE_EXHAUSTED);
            assertThat(full.getMessage()).startsWith("the local server's storage is full");
            // the failed transaction left nothing, and the database still reads and takes small writes
            assertThat(db.read(DatabaseTest::count)).isZero();
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement(row)) {
                    s.setString(1, "small");
                    s.executeUpdate();
                }
                return null;
            });
            assertThat(db.read(DatabaseTest::count)).isEqualTo(1);
        }
    }

    private static int count(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM dataset_groups")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBulkLoadBuildsTheDatapointsIndexWhenFinishedAndRefusesDuplicatesThen() {
        Path bulk = dir.resolve("bulk");
        try (Database database = Database.openForBulkLoad(bulk)) {
            assertThat(indexes(database)).isEmpty();
            insertRow(database, 1);
            insertRow(database, 2);
            database.finishBulkLoad();
            assertThat(indexes(database)).containsExactly(
                    "CREATE UNIQUE INDEX datapoints_by_id ON datapoints (collection_id, id)");
        }
        Path duplicates = dir.resolve("duplicates");
        try (Database database = Database.openForBulkLoad(duplicates)) {
            insertRow(database, 1);
            insertRow(database, 1);
            assertThrows(IllegalStateException.class, database::finishBulkLoad);
        }
        try (Database database = Database.open(dir.resolve("normal"))) {
            assertThrows(IllegalStateException.class, database::finishBulkLoad);
        }
    }

    private static List<String> indexes(Database database) {
        return database.read(c -> {
            List<String> sql = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) {
                while (r.next()) {
                    sql.add(r.getString(1));
                }
            }
            return sql;
        });
    }

    private static void insertRow(Database database, int id) {
        database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO datapoints (collection_id, id, time_ms, data) VALUES (?, ?, 0, x'')")) {
                s.setBytes(1, new byte[16]);
                s.setBytes(2, DatapointIds.prefix(id));
                return s.executeUpdate();
            }
        });
    }
}
