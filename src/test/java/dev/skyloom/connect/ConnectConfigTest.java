package dev.skyloom.connect;

import dev.skyloom.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.USER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectConfigTest {

    private static ConnectConfig withKey(String apiKey) {
        return new ConnectConfig(URI.create("https://api.tilebox.com"), apiKey, null, Duration.ofSeconds(10), null,
                null, RetryPolicy.defaults(), USER_AGENT);
    }

    private static ConnectConfig withUrl(String url) {
        return new ConnectConfig(URI.create(url), API_KEY, null, Duration.ofSeconds(10), null, null,
                RetryPolicy.defaults(), USER_AGENT);
    }

    private static ConnectConfig withTimeouts(Duration connect, Duration attempt, Duration call) {
        return new ConnectConfig(URI.create("https://api.tilebox.com"), API_KEY, null, connect, attempt, call,
                RetryPolicy.defaults(), USER_AGENT);
    }

    @Test
    void toStringSaysWhetherAKeyIsSetButNeverShowsIt() {
        assertThat(withKey(API_KEY).toString()).contains("apiKey=<set>").doesNotContain(API_KEY)
                .contains("baseUrl=https://api.tilebox.com");
        assertThat(withKey(null).toString()).contains("apiKey=<none>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://api.tilebox.com | baseUrl must start with http:// or https://, got ftp://api.tilebox.com",
            "api.tilebox.com | baseUrl must start with http:// or https://, got api.tilebox.com",
            "http:/datasets | baseUrl has no host: http:/datasets",
            "https://api.tilebox.com/?x=1 | baseUrl must not have a query or fragment: https://api.tilebox.com/?x=1",
            "https://user:secret@api.tilebox.com | baseUrl must not carry credentials; pass the API key instead"})
    void rejectsABaseUrlItCannotCall(String url, String message) {
        assertThatThrownBy(() -> withUrl(url)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsABlankKeyOrOneThatWouldBreakTheHeaderWithoutEchoingIt() {
        assertThatThrownBy(() -> withKey("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey must not be blank or contain control characters");
        assertThatThrownBy(() -> withKey(API_KEY + "\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiKey must not be blank or contain control characters");
    }

    @Test
    void rejectsTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> withTimeouts(Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-5), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attemptTimeout must be positive, got PT-0.005S");
        assertThatThrownBy(() -> withTimeouts(Duration.ofSeconds(1), null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("callTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> withTimeouts(null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("connectTimeout");
    }

    @Test
    void rejectsABlankUserAgent() {
        assertThatThrownBy(() -> new ConnectConfig(URI.create("https://api.tilebox.com"), null, null,
                Duration.ofSeconds(1), null, null, RetryPolicy.none(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userAgent must not be blank or contain control characters");
    }
}
