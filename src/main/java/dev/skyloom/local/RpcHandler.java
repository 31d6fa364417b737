package dev.skyloom.local;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.Cancellation;
import dev.skyloom.wire.rpc.ErrorInfo;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractMetaDataConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every unary call on the server's port, in whichever protocol it comes ({@link WireProtocol}): checks method,
 * procedure and API key before reading anything, reads the body within the size and time limits, applies the knobs,
 * runs the RPC with a {@link Cancellation} that its deadline or its client going away triggers, and writes the answer.
 * Nothing a client sends makes it fail: every refusal is an error of the client's protocol and one log line (at
 * DEBUG, on {@value #LOGGER}: quiet unless asked for, as {@code skyloom serve} does), and an unexpected failure is
 * {@code internal} without detail for the client and a WARNING with its stack trace.
 */
final class RpcHandler extends Handler.Abstract {

    /** The logger of every request the server refuses or fails (Jetty's refusals and slow connections too). */
    static final String LOGGER = "dev.skyloom.local.requests";
    private static final System.Logger LOG = System.getLogger(LOGGER);
    private static final int MAX_LOGGED_CHARS = 500;

    private final Routes routes;
    private final Knobs knobs;
    private final byte[] expectedAuthorization;
    private final long maxRequestBytes;
    private final Duration readTimeout;
    private final Scheduler scheduler;
    private final HangupWatcher hangups;
    private final Set<Cancellation> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();

    RpcHandler(Routes routes, Knobs knobs, LocalServerConfig config, Scheduler scheduler, HangupWatcher hangups) {
        this.routes = routes;
        this.knobs = knobs;
        this.expectedAuthorization = config.apiKey() == null ? null
                : ("Bearer " + config.apiKey()).getBytes(StandardCharsets.UTF_8);
        this.maxRequestBytes = config.maxRequestBytes();
        this.readTimeout = config.readTimeout();
        this.scheduler = scheduler;
        this.hangups = hangups;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        active.incrementAndGet();
        try {
            answer(request, response, callback);
        } finally {
            active.decrementAndGet();
        }
        return true;
    }

    private void answer(Request request, Response response, Callback callback) {
        WireProtocol protocol = WireProtocol.of(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        Cancellation cancellation = new Cancellation();
        inFlight.add(cancellation);
        request.addFailureListener(failure -> cancellation.cancel(
                new RpcException(ConnectCode.CANCELED, "the client went away")));
        Scheduler.Task deadline = null;
        Answer answer;
        try {
            Call call = new Call(request, protocol, cancellation);
            deadline = call.scheduleDeadline();
            answer = protocol.success(call.run(), request.getHeaders());
        } catch (Rejection rejection) {
            answer = refuse(request, protocol, rejection.error(), rejection.httpStatus());
        } catch (RpcException e) {
            answer = refuse(request, protocol, e, e.code().httpStatus());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = refuse(request, protocol, new RpcException(ConnectCode.CANCELED, "the server is stopping"), 499);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, line("failed", request, protocol, "internal: " + e), e);
            answer = protocol.failure(new RpcException(ConnectCode.INTERNAL, "internal error"), 500,
                    request.getHeaders());
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            inFlight.remove(cancellation);
        }
        write(response, answer, callback);
    }

    /**
     * Cancels every call in flight (the server is stopping), so that their queries end at once, and waits for them to
     * answer.
     *
     * @param patience how long to wait at most
     * @throws InterruptedException if interrupted while waiting
     */
    void cancelAll(Duration patience) throws InterruptedException {
        for (Cancellation cancellation : inFlight) {
            cancellation.cancel(new RpcException(ConnectCode.CANCELED, "the server is stopping"));
        }
        long until = System.nanoTime() + patience.toNanos();
        while (active.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    /** One call, from its checks to its response message. */
    private final class Call {
        private final Request request;
        private final WireProtocol protocol;
        private final Cancellation cancellation;
        private final long beginNanos;
        private Duration timeout;

        Call(Request request, WireProtocol protocol, Cancellation cancellation) {
            this.request = request;
            this.protocol = protocol;
            this.cancellation = cancellation;
            this.beginNanos = request.getBeginNanoTime();
        }

        /** Checks the headers and arms the call's deadline, if it has one: everything before the body is read. */
        Scheduler.Task scheduleDeadline() {
            if (!"POST".equals(request.getMethod())) {
                throw new Rejection(405, new RpcException(ConnectCode.UNIMPLEMENTED, "method "
                        + InputText.quoted(request.getMethod()) + " not allowed, use POST"));
            }
            String path = request.getHttpURI().getPath();
            if (routes.find(path) == null) {
                throw new Rejection(404, new RpcException(ConnectCode.UNIMPLEMENTED, "no such procedure "
                        + InputText.quoted(path)));
            }
            checkKey();
            protocol.checkHeaders(request.getHeaders());
            RequestBody.checkDeclaredLength(request, maxRequestBytes);
            timeout = protocol.timeout(request.getHeaders());
            if (timeout == null) {
                return null;
            }
            long left = beginNanos + timeout.toNanos() - System.nanoTime();
            return scheduler.schedule(() -> cancellation.cancel(deadlineExceeded()), Math.max(0, left),
                    TimeUnit.NANOSECONDS);
        }

        /** Reads the body, applies the knobs and runs the RPC. */
        byte[] run() throws InterruptedException {
            byte[] body = RequestBody.read(request, maxRequestBytes, beginNanos + readTimeout.toNanos());
            byte[] message = protocol.message(body, request.getHeaders(), maxRequestBytes);
            try (HangupWatcher.Watch ignored = watchForHangup()) {
                return respond(message);
            }
        }

        /** Applies the knobs and runs the RPC. */
        private byte[] respond(byte[] message) throws InterruptedException {
            Duration delay = knobs.nextDelay();
            if (timeout != null) {
                long left = beginNanos + timeout.toNanos() - System.nanoTime();
                if (delay.toNanos() >= left) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, left)));
                    throw deadlineExceeded();
                }
            }
            Thread.sleep(delay);
            if (knobs.nextFault()) {
                throw new RpcException(ConnectCode.UNAVAILABLE, "injected fault: the local server is configured to "
                        + "fail a fraction of requests");
            }
            cancellation.check();
            Routes.Route<?> route = routes.find(request.getHttpURI().getPath());
            byte[] response = cancellation.call(() -> route.handle(message)).toByteArray();
            cancellation.check();
            return response;
        }

        /** Watches an HTTP/1.1 connection for its client hanging up (HTTP/2 reports cancelled streams itself). */
        private HangupWatcher.Watch watchForHangup() {
            Connection connection = request.getConnectionMetaData().getConnection();
            if (connection instanceof AbstractMetaDataConnection
                    && connection.getEndPoint().getTransport() instanceof SocketChannel channel) {
                return hangups.watch(channel, () -> cancellation.cancel(
                        new RpcException(ConnectCode.CANCELED, "the client went away")));
            }
            return () -> { };
        }

        private void checkKey() {
            if (expectedAuthorization == null) {
                return;
            }
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    expectedAuthorization)) {
                throw new RpcException(ConnectCode.UNAUTHENTICATED, "missing or invalid API key: send "
                        + "'Authorization: Bearer <key>' with the key the local server was started with",
                        List.of(ErrorInfo.newBuilder().setDomain("skyloom.local")
                                .setReason(header == null ? "API_KEY_MISSING" : "API_KEY_INVALID").build()));
            }
        }

        private RpcException deadlineExceeded() {
            return new RpcException(ConnectCode.DEADLINE_EXCEEDED, "the request took longer than its "
                    + timeout.toMillis() + " ms timeout");
        }
    }

    private Answer refuse(Request request, WireProtocol protocol, RpcException error, int httpStatus) {
        LOG.log(System.Logger.Level.DEBUG, () -> line("refused", request, protocol, error.code().wireName() + ": "
                + error.getMessage()));
        Answer answer = protocol.failure(error, httpStatus, request.getHeaders());
        if (httpStatus == 405 && answer.status() == 405) {
            answer.headers().put("Allow", "POST");
        }
        return answer;
    }

    private void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        if (answer.trailers().isEmpty()) {
            headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        } else {
            HttpFields.Mutable trailers = HttpFields.build();
            answer.trailers().forEach(trailers::put);
            response.setTrailersSupplier(() -> trailers);
        }
        if (answer.body().length == 0) {
            // One last write with no content: HTTP/2 sends the headers with END_STREAM (a gRPC "trailers-only" answer).
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            knobs.write(out, answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        } catch (Exception e) {
            // The client went away while the answer was written: nothing more to tell it.
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /** The log line of a call, e.g. {@code refused POST /a.B/C (connect, HTTP/1.1, from 127.0.0.1): code: message}. */
    private static String line(String verb, Request request, WireProtocol protocol, String outcome) {
        String text = verb + " " + request.getMethod() + " " + request.getHttpURI().getPath() + " ("
                + protocol.name() + ", " + request.getConnectionMetaData().getHttpVersion() + ", from "
                + Request.getRemoteAddr(request) + "): " + outcome;
        return oneLine(text, MAX_LOGGED_CHARS);
    }

    /**
     * Text a client sent, made fit for one log line: control and formatting (bidi) characters become spaces, and it
     * is cut at {@code max} characters.
     */
    static String oneLine(String text, int max) {
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max) + "...";
    }
}
