package dev.skyloom.connect;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Makes unary Connect calls with binary protobuf bodies: {@code POST <base>/<service>/<method>}. Thread-safe; one
 * instance serves any number of (virtual) threads.
 *
 * <p>A call blocks its thread. Transient failures (unreachable server, HTTP 5xx, a 429 that is not a quota error)
 * are retried per the {@link dev.skyloom.RetryPolicy}; the call timeout bounds everything, waits included.
 * Interrupting the calling thread aborts the HTTP exchange in flight and ends the call with
 * {@link SkyloomException.Cancelled}, the interrupt flag set again.
 * {@snippet :
 * try (ConnectTransport transport = ConnectTransport.create(config)) {
 *     Dataset dataset = transport.unary("datasets.v1.DatasetService", "GetDataset",
 *             GetDatasetRequest.newBuilder().setSlug("open_data.copernicus.sentinel2_msi").build(),
 *             Dataset.parser()).message();
 * }
 * }
 */
public final class ConnectTransport implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final ConnectConfig config;
    private final HttpClient httpClient;
    private final ExecutorService ownedExecutor;
    private final String baseUrl;
    private final String host;
    private final ConnectErrors errors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectTransport(ConnectConfig config, HttpClient httpClient, ExecutorService ownedExecutor) {
        this.config = config;
        this.httpClient = httpClient;
        this.ownedExecutor = ownedExecutor;
        String base = config.baseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.host = config.baseUrl().getRawAuthority();
        this.errors = new ConnectErrors(host, config.apiKey());
    }

    /**
     * Creates a transport. Without a supplied HTTP client it builds one that prefers HTTP/2 (falling back to
     * HTTP/1.1), runs on virtual threads, never follows redirects and uses the configured connect timeout; that
     * client is closed by {@link #close()}.
     *
     * @param config the settings
     * @return a transport ready for calls
     */
    public static ConnectTransport create(ConnectConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.httpClient() != null) {
            return new ConnectTransport(config, config.httpClient(), null);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("skyloom-http-", 0).factory());
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        return new ConnectTransport(config, client, executor);
    }

    /**
     * Calls {@code <base>/<service>/<method>} with {@code request} and decodes the response with {@code parser}.
     *
     * @param service the fully qualified service, e.g. {@code datasets.v1.DataAccessService}
     * @param method  the method, e.g. {@code Query}
     * @param request the request message, sent serialized as the body
     * @param parser  the parser of the response message type
     * @param <T>     the response message type
     * @return the decoded response and the size of its body on the wire
     * @throws SkyloomException         how the call failed: the subclass follows the Connect code (after retries
     *                                  where the failure was transient); {@link SkyloomException.DeadlineExceeded}
     *                                  when a timeout passed; {@link SkyloomException.Cancelled} when the thread was
     *                                  interrupted; {@link SkyloomException.Internal} for an unusable 200 response
     * @throws IllegalArgumentException if {@code service} or {@code method} is not a protobuf name
     * @throws IllegalStateException    if the transport is closed
     */
    public <T extends Message> ConnectResponse<T> unary(String service, String method, Message request,
                                                        Parser<T> parser) {
        return unary(service, method, request, parser, config.retryPolicy());
    }

    /**
     * Like {@link #unary(String, String, Message, Parser)}, retrying transient failures per {@code retries} instead
     * of the configured policy; {@link RetryPolicy#none()} makes exactly one attempt, for callers that retry
     * themselves because they must know whether an attempt failed (e.g. to reconcile non-idempotent writes).
     *
     * @param service the fully qualified service, e.g. {@code datasets.v1.DataAccessService}
     * @param method the method, e.g. {@code Query}
     * @param request the request message, sent serialized as the body
     * @param parser the parser of the response message type
     * @param retries how transient failures of this call are retried
     * @param <T> the response message type
     * @return the decoded response and the size of its body on the wire
     * @throws SkyloomException as {@link #unary(String, String, Message, Parser)}
     */
    public <T extends Message> ConnectResponse<T> unary(String service, String method, Message request,
                                                        Parser<T> parser, RetryPolicy retries) {
        Objects.requireNonNull(retries, "retries");
        requireName("service", service);
        requireName("method", method);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(parser, "parser");
        if (closed.get()) {
            throw new IllegalStateException("the Connect transport to " + host + " is closed");
        }
        URI uri = URI.create(baseUrl + "/" + service + "/" + method);
        byte[] body = request.toByteArray();
        CallDeadline deadline = CallDeadline.start(config.callTimeout());
        AttemptFailure last = null;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> callLeft = deadline.remaining();
            if (callLeft.isPresent() && !callLeft.get().isPositive()) {
                throw errors.callTimedOut(method, deadline.timeout(), attempt - 1, last, null);
            }
            Duration attemptTimeout = config.attemptTimeout();
            boolean callBinds = callLeft.isPresent()
                    && (attemptTimeout == null || callLeft.get().compareTo(attemptTimeout) <= 0);
            Duration timeout = callBinds ? callLeft.get() : attemptTimeout;
            HttpRequest httpRequest = request(uri, body, timeout, callLeft);
            AttemptFailure failure;
            try {
                HttpResponse<byte[]> response = send(httpRequest, timeout);
                if (response.statusCode() == 200) {
                    return decode(method, response, parser);
                }
                failure = AttemptFailure.fromResponse(response, host);
            } catch (InterruptedException e) {
                throw cancelled(method, e);
            } catch (ResponseTooLarge e) {
                throw errors.badResponse(method, ConnectCode.INTERNAL, e.getMessage()
                        + "; is the URL a Tilebox server?", e);
            } catch (HttpConnectTimeoutException e) {
                failure = AttemptFailure.fromIo(e, host);
            } catch (HttpTimeoutException e) {
                throw callBinds
                        ? errors.callTimedOut(method, deadline.timeout(), attempt, last, e)
                        : errors.attemptTimedOut(method, attemptTimeout, e);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw cancelled(method, e);
                }
                failure = AttemptFailure.fromIo(e, host);
            }
            last = failure;
            if (!failure.retryable() || attempt > retries.maxRetries()) {
                throw errors.fromFailure(service, method, failure, attempt);
            }
            pause(method, retries.backoff(attempt), deadline, attempt, failure);
        }
    }

    /** {@return the retry policy calls use unless they pass their own} */
    public RetryPolicy retryPolicy() {
        return config.retryPolicy();
    }

    /**
     * Closes the HTTP client if this transport built it, waiting for exchanges in flight; a supplied client is left
     * open. Calls made after closing throw {@link IllegalStateException}. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedExecutor != null) {
            httpClient.close();
            ownedExecutor.close();
        }
    }

    /**
     * Sends one attempt and reads its body, all within {@code timeout}: the HTTP client's own request timeout ends
     * when the response headers arrive, so a body that trickles in forever is bounded here. The body is read up to
     * the configured cap.
     *
     * @throws HttpTimeoutException if the exchange, body included, took longer than {@code timeout}
     * @throws ResponseTooLarge     if the body passed the cap
     */
    private HttpResponse<byte[]> send(HttpRequest request, Duration timeout) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            // sendAsync would start the exchange before get() saw the flag, and cancelling it may come too late
            throw new InterruptedException("interrupted before the request was sent");
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = httpClient.sendAsync(request,
                HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofByteArray(),
                        config.maxResponseBytes()));
        try {
            return timeout == null ? exchange.get() : exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete response within " + CallDeadline.describe(timeout));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private IOException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io && io.getMessage() != null
                && io.getMessage().startsWith("body exceeds capacity")) {
            return new ResponseTooLarge("the response body", config.maxResponseBytes());
        }
        return switch (cause) {
            case IOException io -> io;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> new IOException(cause.getMessage(), cause);
        };
    }

    private HttpRequest request(URI uri, byte[] body, Duration timeout, Optional<Duration> callLeft) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/proto")
                .header("Connect-Protocol-Version", "1")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", config.userAgent());
        if (config.apiKey() != null) {
            builder.header("Authorization", "Bearer " + config.apiKey());
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        callLeft.flatMap(CallDeadline::timeoutHeader).ifPresent(ms -> builder.header("Connect-Timeout-Ms", ms));
        return builder.build();
    }

    private <T extends Message> ConnectResponse<T> decode(String method, HttpResponse<byte[]> response,
                                                         Parser<T> parser) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/")) {
            throw errors.badResponse(method, ConnectCode.UNKNOWN, "the server answered HTTP 200 with Content-Type '"
                    + contentType + "', not a Connect response; is the URL a Tilebox server?", null);
        }
        if (!type.startsWith("application/proto")) {
            throw errors.badResponse(method, ConnectCode.INTERNAL, "the server answered HTTP 200 with Content-Type '"
                    + contentType + "' but application/proto was requested", null);
        }
        byte[] raw = response.body();
        try {
            byte[] body = ContentCoding.decode(response.headers(), raw, config.maxResponseBytes());
            return new ConnectResponse<>(parser.parseFrom(body), raw.length);
        } catch (ResponseTooLarge e) {
            throw errors.badResponse(method, ConnectCode.INTERNAL, e.getMessage(), e);
        } catch (InvalidProtocolBufferException e) {
            throw errors.badResponse(method, ConnectCode.INTERNAL, "the response could not be decoded as "
                    + messageName(parser) + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw errors.badResponse(method, ConnectCode.INTERNAL,
                    "the response body could not be decompressed (" + e.getMessage() + ")", e);
        }
    }

    private void pause(String method, Duration backoff, CallDeadline deadline, int attempts, AttemptFailure last) {
        Optional<Duration> callLeft = deadline.remaining();
        boolean deadlineFirst = callLeft.isPresent() && callLeft.get().compareTo(backoff) <= 0;
        try {
            Thread.sleep(deadlineFirst ? callLeft.get() : backoff);
        } catch (InterruptedException e) {
            throw cancelled(method, e);
        }
        if (deadlineFirst) {
            throw errors.callTimedOut(method, deadline.timeout(), attempts, last, null);
        }
    }

    private SkyloomException cancelled(String method, Exception cause) {
        // The HTTP client and Thread.sleep clear the flag when they throw; the caller must still see it.
        Thread.currentThread().interrupt();
        return errors.cancelled(method, cause);
    }

    private static String messageName(Parser<? extends Message> parser) {
        try {
            // A parser has no descriptor, but the empty message it parses from zero bytes has one.
            return parser.parsePartialFrom(ByteString.EMPTY).getDescriptorForType().getFullName();
        } catch (InvalidProtocolBufferException e) {
            return "the expected response message";
        }
    }

    private static void requireName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a protobuf name such as "
                    + ("service".equals(what) ? "datasets.v1.DataAccessService" : "Query") + ", got '" + name + "'");
        }
    }
}
