package dev.skyloom.connect;

import dev.skyloom.RetryPolicy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable settings of a {@link ConnectTransport}. {@link #toString()} never shows the API key.
 *
 * @param baseUrl        the service's base URL, {@code http} or {@code https}, optionally with a path prefix such
 *                       as {@code /public}; one trailing {@code /} is ignored
 * @param apiKey         the Tilebox API key sent as {@code Authorization: Bearer <key>}; null sends no such header
 * @param httpClient     the HTTP client to use; null makes the transport build one (HTTP/2 preferred, virtual
 *                       threads, {@code connectTimeout}) and close it on {@link ConnectTransport#close()}
 * @param connectTimeout how long to wait for a connection; applies only to a client the transport builds
 * @param attemptTimeout how long one attempt may wait for its response, or null for no limit; an attempt that times
 *                       out is not retried
 * @param callTimeout    how long a whole call may take, retries and their waits included, or null for no limit;
 *                       when set, the server is told the remaining time in {@code Connect-Timeout-Ms}
 * @param retryPolicy    when and how often failed attempts are repeated
 * @param userAgent      the {@code User-Agent} header, e.g. {@code skyloom/0.1.0}
 */
public record ConnectConfig(URI baseUrl, String apiKey, HttpClient httpClient, Duration connectTimeout,
                            Duration attemptTimeout, Duration callTimeout, RetryPolicy retryPolicy, String userAgent) {

    /**
     * Validates the settings.
     *
     * @throws NullPointerException     if {@code baseUrl}, {@code connectTimeout}, {@code retryPolicy} or
     *                                  {@code userAgent} is null
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL with a host and without query
     *                                  or fragment, the API key is blank or has control characters, a timeout is
     *                                  not positive, or the user agent is blank or has control characters
     */
    public ConnectConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(userAgent, "userAgent");
        checkBaseUrl(baseUrl);
        if (apiKey != null && (apiKey.isBlank() || hasControlCharacters(apiKey))) {
            // The key itself must not appear in the message.
            throw new IllegalArgumentException("apiKey must not be blank or contain control characters");
        }
        requirePositive("connectTimeout", connectTimeout);
        if (attemptTimeout != null) {
            requirePositive("attemptTimeout", attemptTimeout);
        }
        if (callTimeout != null) {
            requirePositive("callTimeout", callTimeout);
        }
        if (userAgent.isBlank() || hasControlCharacters(userAgent)) {
            throw new IllegalArgumentException("userAgent must not be blank or contain control characters");
        }
    }

    /**
     * Describes the settings with the API key replaced by {@code <set>} or {@code <none>}.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "ConnectConfig[baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "<none>" : "<set>")
                + ", httpClient=" + (httpClient == null ? "<owned>" : "<supplied>")
                + ", connectTimeout=" + connectTimeout
                + ", attemptTimeout=" + attemptTimeout
                + ", callTimeout=" + callTimeout
                + ", retryPolicy=" + retryPolicy
                + ", userAgent=" + userAgent + "]";
    }

    private static void checkBaseUrl(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("baseUrl must start with http:// or https://, got " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("baseUrl has no host: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials; pass the API key instead");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
