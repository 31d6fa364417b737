package dev.skyloom.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Undoes the {@code Content-Encoding} of a response body: gzip or identity, the only codings we ask for. Inflation
 * stops at a cap, so a small compressed body cannot grow into gigabytes (a gzip bomb).
 */
final class ContentCoding {

    private ContentCoding() {
    }

    /**
     * Decodes a body according to its headers.
     *
     * @param headers the response headers
     * @param raw     the body as received
     * @param limit   the most bytes the decoded body may have
     * @return the decoded body ({@code raw} itself when there is no coding or it is {@code identity})
     * @throws ResponseTooLarge if the decoded body would be longer than {@code limit}
     * @throws IOException      if the coding is not supported or the gzip stream is corrupt
     */
    static byte[] decode(HttpHeaders headers, byte[] raw, long limit) throws IOException {
        String coding = headers.firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> gunzip(raw, limit);
            default -> throw new IOException("unsupported Content-Encoding '" + coding + "'");
        };
    }

    /**
     * Inflates into one array of the size the gzip trailer announces (ISIZE, the last four bytes), so that a page is
     * neither collected in chunks nor copied again; a body the trailer does not describe (several members, or a size
     * that deflate could not reach from this many bytes) is read on and joined to it once.
     */
    private static byte[] gunzip(byte[] raw, long limit) throws IOException {
        if (raw.length == 0) {
            return raw;
        }
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] body = new byte[announcedSize(raw, cap)];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                return Arrays.copyOf(body, read);
            }
            int next = in.read();
            if (next == -1) {
                return body;
            }
            // More than the last member's trailer names (a body of several members): read on, within the cap.
            if (body.length == cap) {
                throw new ResponseTooLarge("the inflated response body", limit);
            }
            byte[] rest = in.readNBytes(cap - body.length - 1);
            if (body.length + 1 + rest.length == cap && in.read() != -1) {
                throw new ResponseTooLarge("the inflated response body", limit);
            }
            byte[] whole = Arrays.copyOf(body, body.length + 1 + rest.length);
            whole[body.length] = (byte) next;
            System.arraycopy(rest, 0, whole, body.length + 1, rest.length);
            return whole;
        }
    }

    /**
     * The inflated size the last member's trailer names (modulo 2<sup>32</sup>), within {@code cap} and within what
     * deflate can produce from {@code raw} (at most 1032 bytes per byte), so that a lying trailer costs no memory.
     */
    private static int announcedSize(byte[] raw, int cap) {
        if (raw.length < 18) { // a gzip member: a 10-byte header, data, an 8-byte trailer
            return 0;
        }
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(raw.length - 4));
        return (int) Math.min(size, Math.min(cap, raw.length * 1032L));
    }
}
