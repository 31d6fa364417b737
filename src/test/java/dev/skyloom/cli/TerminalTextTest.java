package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void controlAndEscapeCharactersAreShownEscaped() {
        assertThat(TerminalText.safe("L1\u001b]0;pwned\u0007GT")).isEqualTo("L1\\e]0;pwned\\x07GT");
        assertThat(TerminalText.safe("a\nb\r\tc\u009bd\u007f")).isEqualTo("a\\nb\\r\\tc\\x9bd\\x7f");
        assertThat(TerminalText.safe("evil\u202Etxt.exe")).isEqualTo("evil\\u202etxt.exe");
        assertThat(TerminalText.safe(null)).isEmpty();
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        for (String text : List.of("Sentinel-2 MSI", "Zürich 東京 🛰", "cloud_cover < 10", "")) {
            assertThat(TerminalText.safe(text)).isSameAs(text);
        }
    }

    @Test
    void tablesShowServerTextEscaped() throws Exception {
        TextTable table = new TextTable(List.of("name"));
        table.add(List.of("\u001b[31mred\u001b[0m"));
        java.io.StringWriter out = new java.io.StringWriter();
        table.print(out);
        assertThat(out.toString()).doesNotContain("\u001b").contains("\\e[31mred\\e[0m");
    }
}
