package dev.skyloom.local;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body into memory within a size limit and a time limit: a declared {@code Content-Length} over the
 * limit is refused before anything is read, a body that grows past it is refused as soon as it does, and a body that
 * has not arrived in full by the deadline is refused then (so a slow client holds its request no longer).
 */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * Refuses a request whose declared length is over the limit, without reading anything.
     *
     * @param request the request
     * @param limit   the most bytes a body may have
     * @throws Rejection 413 resource_exhausted if the declared length is over the limit
     */
    static void checkDeclaredLength(Request request, long limit) {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge("the request body of " + declared + " bytes", limit);
        }
    }

    /**
     * Reads the whole body.
     *
     * @param request       the request
     * @param limit         the most bytes the body may have
     * @param deadlineNanos the {@link System#nanoTime()} by which it must have arrived
     * @return the body
     * @throws Rejection            413 if it grows past the limit, 408 if it has not arrived by the deadline, 400 if
     *                              the connection fails while reading
     * @throws InterruptedException if the thread is interrupted while waiting for bytes
     */
    static byte[] read(Request request, long limit, long deadlineNanos) throws InterruptedException {
        long declared = request.getLength();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, limit) : 1024);
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitBytes(request, deadlineNanos);
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    throw new Rejection(400, RpcException.invalidArgument("cannot read the request body: "
                            + chunk.getFailure().getMessage()));
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + (long) bytes.remaining() > limit) {
                    throw tooLarge("the request body", limit);
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.writeBytes(copy);
                if (chunk.isLast()) {
                    return body.toByteArray();
                }
            } finally {
                chunk.release();
            }
        }
    }

    private static void awaitBytes(Request request, long deadlineNanos) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        request.demand(ready::countDown);
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !ready.await(remaining, TimeUnit.NANOSECONDS)) {
            throw new Rejection(408, new RpcException(ConnectCode.DEADLINE_EXCEEDED,
                    "the request body did not arrive in time"));
        }
    }

    private static Rejection tooLarge(String what, long limit) {
        return new Rejection(413, new RpcException(ConnectCode.RESOURCE_EXHAUSTED, what + " is larger than the "
                + limit + "-byte request limit"));
    }
}
