package dev.skyloom.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose, one way per instance: it never answers, answers with a gzip
 * bomb, sends a body that never ends (fast, or a byte at a time), or sends a fixed response. Every connection runs
 * on its own virtual thread; {@link #close()} drops them all.
 */
public final class HostileServer implements AutoCloseable {

    /** How the server answers every request. */
    public sealed interface Behaviour {
    }

    /** Reads the request and never answers. */
    public record Silent() implements Behaviour {
    }

    /** A 200 response whose gzip body inflates to {@code inflatedMiB} mebibytes of zeros. */
    public record GzipBomb(int inflatedMiB) implements Behaviour {
    }

    /** A 200 response whose body never ends: 64 KiB chunks as fast as the client reads. */
    public record EndlessBody() implements Behaviour {
    }

    /** A 200 response whose body never ends: one byte every {@code millis} milliseconds. */
    public record TrickleBody(int millis) implements Behaviour {
    }

    /** A 200 {@code application/proto} response with this body. */
    public record Answer(byte[] body) implements Behaviour {
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("hostile-accept").start(this::accept);
    }

    /** Starts a server behaving as {@code behaviour} on a free loopback port. */
    public static HostileServer start(Behaviour behaviour) {
        try {
            return new HostileServer(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the server's base URL} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** {@return how many requests arrived so far} */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().name("hostile-connection").start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            readRequest(in);
            requests.incrementAndGet();
            switch (behaviour) {
                case Silent() -> in.read();
                case GzipBomb(int mib) -> {
                    byte[] body = bomb(mib);
                    out.write(head("Content-Encoding: gzip\r\nContent-Length: " + body.length));
                    out.write(body);
                    out.flush();
                    in.read();
                }
                case EndlessBody() -> {
                    out.write(head("Connection: close"));
                    byte[] chunk = new byte[64 << 10];
                    while (true) {
                        out.write(chunk);
                    }
                }
                case TrickleBody(int millis) -> {
                    out.write(head("Connection: close"));
                    while (true) {
                        out.write(0);
                        out.flush();
                        Thread.sleep(millis);
                    }
                }
                case Answer(byte[] body) -> {
                    out.write(head("Content-Length: " + body.length));
                    out.write(body);
                    out.flush();
                    in.read();
                }
            }
        } catch (IOException | InterruptedException dropped) {
            // the client went away or the server closed
        }
    }

    private static byte[] head(String extra) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/proto\r\n" + extra + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request ended");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    /** Gzip members can follow each other: one member of 1 MiB of zeros, repeated, inflates to {@code mib} MiB. */
    private static byte[] bomb(int mib) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
            gzip.write(new byte[1 << 20]);
        }
        byte[] one = member.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream(one.length * mib);
        for (int i = 0; i < mib; i++) {
            all.write(one);
        }
        return all.toByteArray();
    }
}
