package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.TimeInterval;
import dev.skyloom.concurrent.ConcurrentLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class FailuresTest {

    @Test
    void anUnreachableServerIsNamedByItsUrl() {
        var failure = new SkyloomException.Unavailable("unavailable",
                "ListDatasets failed (unavailable): could not reach 127.0.0.1:1", new ConnectException("refused"));

        assertThat(Failures.describe(failure, "http://127.0.0.1:1"))
                .isEqualTo("cannot reach http://127.0.0.1:1: ListDatasets failed (unavailable): could not reach 127.0.0.1:1");
    }

    @Test
    void anUnavailableAnswerIsNotCalledUnreachable() {
        var failure = new SkyloomException.Unavailable("unavailable", "Query failed (unavailable): overloaded", null);

        assertThat(Failures.describe(failure, "http://127.0.0.1:1")).isEqualTo("Query failed (unavailable): overloaded");
    }

    @Test
    void aRejectedKeyPointsAtWhereKeysComeFrom() {
        var failure = new SkyloomException.Unauthenticated("unauthenticated", "ListDatasets failed: bad key", null);

        assertThat(Failures.describe(failure)).isEqualTo("ListDatasets failed: bad key (check TILEBOX_API_KEY or --api-key)");
    }

    @Test
    void aBugInsideALoadIsSaidWithoutItsClassName() {
        Throwable failure;
        try (DatasetsClient client = DatasetsClient.builder().url(DemoFixture.url()).build()) {
            Collection l1gt = client.dataset("open_data.copernicus.landsat8_oli_tirs").collection("L1GT");
            ConcurrentLoader loader = ConcurrentLoader.create().withProgress(collection -> progress -> {
                throw new IllegalStateException("the listener broke");
            });
            failure = catchThrowable(() -> loader.load(List.of(l1gt), Query.of(TimeInterval.of(
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z")))));
        }

        assertThat(failure).isInstanceOf(SkyloomException.class);
        assertThat(Failures.describe(failure, null, false)).isEqualTo("loading L1GT failed: the listener broke"
                + " (--verbose shows where it happened)");
        assertThat(Failures.describe(failure)).doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void aWrappedThrowableIsSaidInWordsToo() {
        var failure = new IllegalStateException(new IOException("No space left on device"));

        assertThat(Failures.describe(failure, null, false)).isEqualTo("unexpected error: I/O error: No space left on"
                + " device (--verbose shows where it happened)");
    }

    @Test
    void everyDescriptionIsOneLine() {
        assertThat(Failures.describe(new IllegalStateException("first\n  second\r\nthird"))).isEqualTo(
                "unexpected error: first second third");
        assertThat(Failures.describe(new UncheckedIOException(new IOException("No space left on device"))))
                .isEqualTo("I/O error: No space left on device");
    }
}
