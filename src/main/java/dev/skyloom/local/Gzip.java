package dev.skyloom.local;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip for bodies and messages: inflating never past a limit (a small body may inflate to gigabytes), deflating fast. */
final class Gzip {

    private Gzip() {
    }

    /**
     * Inflates gzip data, stopping as soon as the output would exceed {@code limit} bytes.
     *
     * @param compressed the gzip data
     * @param limit      the most bytes the output may have
     * @param what       what is inflated, for messages ("the request body")
     * @return the inflated bytes
     * @throws RpcException invalid_argument if the data is not gzip
     * @throws Rejection    413 resource_exhausted if it inflates past the limit
     */
    static byte[] inflate(byte[] compressed, long limit, String what) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, 1 << 20));
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + (long) n > limit) {
                    throw new Rejection(413, new RpcException(ConnectCode.RESOURCE_EXHAUSTED, what
                            + " inflates to more than the " + limit + "-byte request limit"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RpcException.invalidArgument("cannot decompress " + what + ": " + e.getMessage());
        }
    }

    /**
     * Deflates at the fastest level: on loopback the CPU a higher level costs (the default level 6 takes about three
     * times as long) outweighs the bytes it saves, and the client decompresses either the same way.
     *
     * @param data the bytes to compress
     * @return gzip data
     */
    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        try (GZIPOutputStream gzip = new FastGzip(compressed)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot gzip in memory", e);
        }
        return compressed.toByteArray();
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
