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
 * @param maxResponseBytes the largest response body accepted, counted both as received and after gunzip; a larger
 *                       one fails the call at once (nothing more is read or inflated) and is not retried
 */
public record ConnectConfig(URI baseUrl, String apiKey, HttpClient httpClient, Duration connectTimeout,
                            Duration attemptTimeout, Duration callTimeout, RetryPolicy retryPolicy, String userAgent,
                            long maxResponseBytes) {

    /** The default of {@code maxResponseBytes}: 64 MiB, some fifty times the largest page seen from the service. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    /**
     * Validates the settings.
     *
     * @throws NullPointerException     if {@code baseUrl}, {@code connectTimeout}, {@code retryPolicy} or
     *                                  {@code userAgent} is null
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL with a host and without query
     *                                  or fragment, the API key is blank or has control characters, a timeout is
     *                                  not positive, the user agent is blank or has control characters, or
     *                                  {@code maxResponseBytes} is not positive
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
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
    }

    /**
     * Settings with the default response cap, {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes.
     *
     * @param baseUrl        as in the canonical constructor
     * @param apiKey         as in the canonical constructor
     * @param httpClient     as in the canonical constructor
     * @param connectTimeout as in the canonical constructor
     * @param attemptTimeout as in the canonical constructor
     * @param callTimeout    as in the canonical constructor
     * @param retryPolicy    as in the canonical constructor
     * @param userAgent      as in the canonical constructor
     * @throws NullPointerException     as the canonical constructor
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ConnectConfig(URI baseUrl, String apiKey, HttpClient httpClient, Duration connectTimeout,
                         Duration attemptTimeout, Duration callTimeout, RetryPolicy retryPolicy, String userAgent) {
        this(baseUrl, apiKey, httpClient, connectTimeout, attemptTimeout, callTimeout, retryPolicy, userAgent,
                DEFAULT_MAX_RESPONSE_BYTES);
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
                + ", userAgent=" + userAgent
                + ", maxResponseBytes=" + maxResponseBytes + "]";
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
