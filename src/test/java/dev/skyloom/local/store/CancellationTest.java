package dev.skyloom.local.store;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CancellationTest {

    private static final UUID COLLECTION = UUID.fromString("00000000-0000-0000-0000-00000000c011");
    private static final IdRange EVERYTHING = new IdRange(DatapointIds.prefix(0), true,
            DatapointIds.prefix(DatapointIds.MAX_MS), true);
    private static final RpcException DEADLINE = new RpcException(ConnectCode.DEADLINE_EXCEEDED, "too late");

    private Database database;
    private DatapointStore store;

    @BeforeEach
    void open() {
        database = Database.open(null);
        store = new DatapointStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void rows(int count) {
        List<DatapointStore.NewDatapoint> rows = new ArrayList<>(count);
        Envelope nearTheOrigin = new Envelope(0, 1, 0, 1);
        for (int i = 0; i < count; i++) {
            byte[] data = {(byte) i, (byte) (i >> 8), (byte) (i >> 16)};
            rows.add(new DatapointStore.NewDatapoint(DatapointIds.derive(1_000L + i, data), 1_000L + i, data,
                    nearTheOrigin, nearTheOrigin));
        }
        store.insert(COLLECTION, rows, true);
    }

    @Test
    void aScanStopsAtTheNextRowOnceCancelled() {
        rows(1_000);
        Cancellation cancellation = new Cancellation();
        AtomicInteger tested = new AtomicInteger();

        RpcException thrown = catchThrowableOfType(RpcException.class, () -> cancellation.call(() -> store.scan(
                List.of(COLLECTION), EVERYTHING, null, row -> {
                    if (tested.incrementAndGet() == 10) {
                        cancellation.cancel(DEADLINE);
                    }
                    return false;
                }, 1)));

        assertThat(thrown).isSameAs(DEADLINE);
        assertThat(tested).hasValue(10);
    }

    @Test
    void sqliteStopsSkippingRowsInsideOneStepWhenTheRequestIsCancelled() {
        rows(20_000);
        DatapointStore.BboxFilter farAway = new DatapointStore.BboxFilter(new Envelope(100, 101, 50, 51), false,
                false);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel(DEADLINE);
        AtomicInteger tested = new AtomicInteger();

        // No row passes the prefilter, so SQLite walks all of them in the cursor's first step: only its progress
        // handler can stop it there.
        assertThat(catchThrowableOfType(RpcException.class, () -> cancellation.call(() -> store.scan(
                List.of(COLLECTION), EVERYTHING, farAway, row -> tested.incrementAndGet() > 0, 1))))
                .isSameAs(DEADLINE);
        assertThat(tested).hasValue(0);
        assertThat(store.scan(List.of(COLLECTION), EVERYTHING, farAway, row -> true, 1)).isEmpty();
    }

    @Test
    void aCancellationAfterItsScanNeverReachesTheNextUserOfTheConnection() {
        rows(100);
        Cancellation finished = new Cancellation();
        assertThat(finished.call(() -> store.scan(List.of(COLLECTION), EVERYTHING, null, row -> true, 5)))
                .hasSize(5);
        finished.cancel(DEADLINE);

        for (int i = 0; i < 20; i++) {
            assertThat(store.scan(List.of(COLLECTION), EVERYTHING, null, row -> true, 100)).hasSize(100);
        }
    }

    @Test
    void onlyTheFirstReasonCountsAndNothingIsCancelledOutsideARequest() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel(DEADLINE);
        cancellation.cancel(new RpcException(ConnectCode.CANCELED, "later"));

        assertThat(catchThrowableOfType(RpcException.class, cancellation::check)).isSameAs(DEADLINE);
        Cancellation.current().cancel(DEADLINE);
        assertThat(Cancellation.current().isCancelled()).isFalse();
    }
}
