package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.ProgressListener;
import dev.skyloom.Query;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic split decides from a collection's first pages: what it costs (requests, request permits) for small
 * and large collections, and that it loads exactly what an unsplit load does. Each collection is loaded by a
 * {@link CollectionJob} with its own request limiter, so that the permits it took can be counted.
 */
class AutoSplitTest extends FakeTileboxTests {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Query YEAR = Query.of(TimeInterval.parse("2020-01-01", "2021-01-01"));

    /** What one job did. */
    private record Loaded(List<UUID> ids, LoadStats stats, long permits, int queries, int infos) {
    }

    @Test
    void aCollectionOfOnePageCostsOneRequestAndNothingMore() throws Exception {
        server.collection("small", spread(60, 0, 365L * 24 * 60));

        Loaded loaded = load("small", YEAR, LoadContext.AUTO);

        assertThat(loaded.ids()).hasSize(60);
        assertThat(loaded.queries()).isEqualTo(1);
        assertThat(loaded.infos()).isZero();
        assertThat(loaded.permits()).isEqualTo(1);
        assertThat(loaded.stats().slices()).isEqualTo(1);
    }

    @Test
    void aCollectionWhoseFirstPagePromisesLittleGoesOnUnsplitWithoutAskingItsCount() throws Exception {
        server.collection("spread", spread(300, 0, 365L * 24 * 60));

        Loaded loaded = load("spread", YEAR, LoadContext.AUTO);

        assertThat(loaded.ids()).hasSize(300);
        assertThat(loaded.queries()).isEqualTo(3);
        assertThat(loaded.infos()).isZero();
        assertThat(loaded.permits()).isEqualTo(3);
        assertThat(loaded.stats().slices()).isEqualTo(1);
    }

    @Test
    void aLargeCollectionIsCutWhereItsDataIsIntoSlicesOfAboutFourPages() throws Exception {
        server.collection("large", spread(12_000, 0, 12_000));
        Query query = YEAR.withPageSize(500);
        List<UUID> unsplit = load("large", query, 1).ids();
        server.reset();
        server.collection("large", spread(12_000, 0, 12_000));

        Loaded loaded = load("large", query, LoadContext.AUTO);

        // 1,000 datapoints in the first two pages, 11,000 left in slices of 4 x 500: 6 slices, the first being the
        // query that loaded those two pages
        assertThat(loaded.infos()).isEqualTo(1);
        assertThat(loaded.stats().slices()).isEqualTo(6);
        assertThat(server.sliceStarts("large")).hasSize(6);
        assertThat(loaded.ids()).hasSize(12_000).isEqualTo(unsplit);
        assertThat(loaded.permits()).isEqualTo(loaded.stats().pages() + 1);
    }

    @Test
    void datapointsCrowdedIntoTheFirstMillisecondDoNotExplodeTheSliceCount() throws Exception {
        List<Instant> times = new ArrayList<>(IntStream.range(0, 250).mapToObj(i -> T0).toList());
        times.addAll(spread(250, 1, 365L * 24 * 60));
        server.collection("crowded", times);

        Loaded loaded = load("crowded", YEAR.withPageSize(100), LoadContext.AUTO);

        // the first two pages look like millions to come; the count (500, 200 of them seen) caps it at one slice
        assertThat(loaded.ids()).hasSize(500);
        assertThat(loaded.infos()).isEqualTo(1);
        assertThat(loaded.stats().slices()).isEqualTo(1);
        assertThat(loaded.permits()).isEqualTo(loaded.stats().pages() + 1);
    }

    @Test
    void withAFixedSplitEveryPermitIsOnePage() throws Exception {
        server.collection("fixed", spread(1_000, 0, 1_000));

        Loaded loaded = load("fixed", YEAR.withPageSize(30), 5);

        assertThat(loaded.ids()).hasSize(1_000);
        assertThat(loaded.permits()).isEqualTo(loaded.stats().pages()).isEqualTo(loaded.queries());
    }

    private static Loaded load(String name, Query query, int split) throws Exception {
        Collection collection = client.dataset(FakeTilebox.SLUG).collection(name);
        int queries = server.queries();
        int infos = server.infos();
        RequestLimiter limiter = new RequestLimiter(8);
        LoadContext load = new LoadContext(query, split, ConcurrentLoader.DEFAULT_MAX_BUFFERED_PAGES, limiter,
                Instant.now());
        List<UUID> ids = new ArrayList<>();
        LoadStats stats = new CollectionJob(load, collection, ProgressListener.NONE,
                c -> page -> page.datapoints().stream().map(Datapoint::id).forEach(ids::add),
                "skyloom-load/test/" + name).run();
        return new Loaded(ids, stats, limiter.taken(), server.queries() - queries, server.infos() - infos);
    }

    /** {@code n} times, one every minute from {@code fromMinute} when they fit, else spread evenly up to
     * {@code toMinute}. */
    private static List<Instant> spread(int n, long fromMinute, long toMinute) {
        double step = Math.max(1, (double) (toMinute - fromMinute) / n);
        return IntStream.range(0, n).mapToObj(i -> T0.plusSeconds(60 * (fromMinute + (long) (i * step)))).toList();
    }
}
