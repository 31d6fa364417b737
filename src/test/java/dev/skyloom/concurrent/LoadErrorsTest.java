package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadErrorsTest {

    @Test
    void aCollectionFailureKeepsItsKindAndCodeAndNamesTheCollection() {
        var original = new SkyloomException.NotFound("not_found", "no such collection", null);

        SkyloomException named = LoadErrors.naming("L1TP", original);

        assertThat(named).isInstanceOf(SkyloomException.NotFound.class)
                .hasMessage("loading L1TP failed: no such collection")
                .hasCause(original);
        assertThat(named.code()).isEqualTo("not_found");
    }

    @Test
    void everyKindOfErrorStaysItsKind() {
        List<SkyloomException> all = List.of(
                new SkyloomException.NotFound("not_found", "m", null),
                new SkyloomException.InvalidArgument("invalid_argument", "m", null),
                new SkyloomException.Unauthenticated("unauthenticated", "m", null),
                new SkyloomException.PermissionDenied("permission_denied", "m", null),
                new SkyloomException.RateLimited("unavailable", "m", null),
                new SkyloomException.QuotaExhausted("resource_exhausted", "m", null),
                new SkyloomException.Unavailable("unavailable", "m", null),
                new SkyloomException.DeadlineExceeded("deadline_exceeded", "m", null),
                new SkyloomException.Cancelled("canceled", "m", null),
                new SkyloomException.Internal("internal", "m", null));

        for (SkyloomException e : all) {
            SkyloomException named = LoadErrors.naming("S2A", e);
            assertThat(named).isExactlyInstanceOf(e.getClass()).hasMessage("loading S2A failed: m");
            assertThat(named.code()).isEqualTo(e.code());
        }
    }

    @Test
    void anyOtherExceptionBecomesAnInternalError() {
        var bug = new IllegalStateException("unexpected page");

        assertThat(LoadErrors.naming("L1GT", bug))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessage("loading L1GT failed: unexpected page")
                .hasCause(bug);
    }

    @Test
    void errorsAreRethrownUnchanged() {
        var error = new OutOfMemoryError("heap");

        assertThatThrownBy(() -> LoadErrors.naming("L1GT", error)).isSameAs(error);
    }

    @Test
    void theDeadlineErrorNamesTheUnfinishedCollections() {
        assertThat(LoadErrors.deadlinePassed(Duration.ofSeconds(2), List.of("L1GT", "L1TP")))
                .hasMessage("deadline of 2s passed; unfinished: L1GT, L1TP");
    }

    @Test
    void durationsAreShort() {
        assertThat(LoadErrors.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(LoadErrors.describe(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(LoadErrors.describe(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(LoadErrors.describe(Duration.ZERO)).isEqualTo("0ms");
    }
}
