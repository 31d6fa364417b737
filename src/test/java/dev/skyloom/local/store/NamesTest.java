package dev.skyloom.local.store;

import com.google.protobuf.Timestamp;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of {@link Names} and {@link Timestamps} at their edges, and how {@link InputText} shows input. */
class NamesTest {

    private static String refusal(Executable check) {
        RpcException e = assertThrows(RpcException.class, check);
        assertThat(e.code()).isEqualTo(ConnectCode.INVALID_ARGUMENT);
        return e.getMessage();
    }

    @Test
    void namesCountCharactersNotUtf16Units() {
        String hundredEmoji = "\uD83D\uDEF0".repeat(100);
        assertDoesNotThrow(() -> Names.name("collection name", hundredEmoji));
        assertThat(refusal(() -> Names.name("collection name", hundredEmoji + "x"))).contains("too long");
        assertThat(refusal(() -> Names.name("collection name", "ok\uD83D"))).contains("U+D83D");
        assertThat(refusal(() -> Names.name("collection name", ""))).isEqualTo("collection name is required");
    }

    @Test
    void namesMayNotStartOrEndWithAnyKindOfSpace() {
        assertThat(refusal(() -> Names.name("name", "S2A\u00a0"))).contains("starts or ends with a space");
        assertThat(refusal(() -> Names.name("name", "\u2003S2A"))).contains("starts or ends with a space");
        assertDoesNotThrow(() -> Names.name("name", "Sentinel 2A \u2013 L1C"));
    }

    @Test
    void slugsAreDotSeparatedCodeNames() {
        assertDoesNotThrow(() -> Names.slug("open_data.copernicus.Sentinel2_MSI"));
        assertDoesNotThrow(() -> Names.slug("a"));
        for (String bad : new String[] {"", ".a", "a.", "a..b", "a-b", "a b", "ä"}) {
            assertThat(refusal(() -> Names.slug(bad))).startsWith("invalid dataset slug");
        }
        assertThat(refusal(() -> Names.slug("a".repeat(1001)))).contains("(1001 characters)");
    }

    @Test
    void textsKeepTabsAndLineBreaksButNoOtherControls() {
        assertDoesNotThrow(() -> Names.text("description", "# Title\n\n\tcode\r\n", 100));
        assertThat(refusal(() -> Names.text("description", "a\u0000", 100))).contains("U+0000 at position 2");
        assertThat(refusal(() -> Names.text("summary", "x".repeat(101), 100))).contains("at most 100 characters");
    }

    @Test
    void timestampsAreValidFromYearOneToYear9999() {
        assertDoesNotThrow(() -> Timestamps.check("t", Timestamp.newBuilder().setSeconds(Timestamps.MIN_SECONDS)
                .build()));
        assertDoesNotThrow(() -> Timestamps.check("t", Timestamp.newBuilder().setSeconds(Timestamps.MAX_SECONDS)
                .setNanos(999_999_999).build()));
        assertThat(refusal(() -> Timestamps.check("t", Timestamp.newBuilder()
                .setSeconds(Timestamps.MAX_SECONDS + 1).build()))).contains("t is 253402300800 s from 1970");
        assertThat(refusal(() -> Timestamps.check("t", Timestamp.newBuilder()
                .setSeconds(Timestamps.MIN_SECONDS - 1).build()))).contains("0001-01-01 to 9999-12-31");
        assertThat(refusal(() -> Timestamps.check("t", Timestamp.newBuilder().setNanos(1_000_000_000).build())))
                .isEqualTo("t has nanos 1000000000: they must be from 0 to 999,999,999");
    }

    @Test
    void inputIsShownQuotedShortAndOnOneLine() {
        assertThat(InputText.quoted("S2A")).isEqualTo("'S2A'");
        assertThat(InputText.quoted("a\nb\u202e")).isEqualTo("'a\\u000ab\\u202e'");
        assertThat(InputText.quoted("x".repeat(100))).isEqualTo("'" + "x".repeat(60) + "…' (100 characters)");
        String cutInsidePair = "x".repeat(59) + "\uD83D\uDEF0" + "y";
        assertThat(InputText.quoted(cutInsidePair)).isEqualTo("'" + "x".repeat(59) + "…' (62 characters)");
    }
}
