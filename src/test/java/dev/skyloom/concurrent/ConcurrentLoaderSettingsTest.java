package dev.skyloom.concurrent;

import dev.skyloom.Query;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentLoaderSettingsTest {

    private static final Query YEAR = Query.between("2020-01-01", "2021-01-01");

    @Test
    void theDefaultsFailFastWithoutDeadlineWithAutoSplitAndThirtyTwoRequests() {
        assertThat(ConcurrentLoader.create())
                .hasToString("ConcurrentLoader[FAIL_FAST, 32 requests, split auto, 64 pages buffered]");
    }

    @Test
    void withersReturnModifiedCopiesAndLeaveTheOriginalAlone() {
        ConcurrentLoader defaults = ConcurrentLoader.create();

        ConcurrentLoader tuned = defaults.withMode(LoadMode.COLLECT).withDeadline(Duration.ofSeconds(90))
                .withMaxConcurrentRequests(8).withSplit(1).withMaxBufferedPages(5);

        assertThat(tuned)
                .hasToString("ConcurrentLoader[COLLECT, deadline 1m30s, 8 requests, split 1, 5 pages buffered]");
        assertThat(tuned.withSplit(4).withAutoSplit())
                .hasToString("ConcurrentLoader[COLLECT, deadline 1m30s, 8 requests, split auto, 5 pages buffered]");
        assertThat(defaults)
                .hasToString("ConcurrentLoader[FAIL_FAST, 32 requests, split auto, 64 pages buffered]");
    }

    @Test
    void badSettingsAreRejectedWithAMessageNamingTheProblem() {
        ConcurrentLoader loader = ConcurrentLoader.create();

        assertThatThrownBy(() -> loader.withSplit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of slices must be between 1 and 256, got 0");
        assertThatThrownBy(() -> loader.withSplit(257)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of slices must be between 1 and 256, got 257");
        assertThatThrownBy(() -> loader.withMaxConcurrentRequests(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the request limit must be at least 1, got 0");
        assertThatThrownBy(() -> loader.withDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the deadline must be positive, got PT0S");
        assertThatThrownBy(() -> loader.withDeadline(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the deadline must be positive, got PT-1S");
        assertThatThrownBy(() -> loader.withMode(null)).isInstanceOf(NullPointerException.class).hasMessage("mode");
        assertThatThrownBy(() -> loader.withMaxBufferedPages(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the page bound must be at least 1, got 0");
    }

    @Test
    void loadRejectsMissingArguments() {
        ConcurrentLoader loader = ConcurrentLoader.create();

        assertThatThrownBy(() -> loader.load(null, YEAR)).isInstanceOf(NullPointerException.class)
                .hasMessage("collections");
        assertThatThrownBy(() -> loader.load(List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("query");
        assertThatThrownBy(() -> loader.load(Arrays.asList(null, null), YEAR))
                .isInstanceOf(NullPointerException.class).hasMessage("collections must not contain null");
        assertThatThrownBy(() -> loader.stream(List.of(), YEAR, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("sinks");
    }

    @Test
    void loadingNoCollectionsReturnsAnEmptyResult() {
        LoadResult result = ConcurrentLoader.create().load(List.of(), YEAR);

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.totals().datapoints()).isZero();
    }
}
