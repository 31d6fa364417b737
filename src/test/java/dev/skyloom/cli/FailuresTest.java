package dev.skyloom.cli;

import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

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
    void everyDescriptionIsOneLine() {
        assertThat(Failures.describe(new IllegalStateException("first\n  second\r\nthird"))).isEqualTo(
                "unexpected error: first second third");
        assertThat(Failures.describe(new UncheckedIOException(new IOException("No space left on device"))))
                .isEqualTo("I/O error: No space left on device");
    }
}
