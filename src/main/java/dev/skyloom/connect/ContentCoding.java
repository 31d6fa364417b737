package dev.skyloom.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
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

    private static byte[] gunzip(byte[] raw, long limit) throws IOException {
        if (raw.length == 0) {
            return raw;
        }
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] body = in.readNBytes(cap);
            if (body.length == cap && in.read() != -1) {
                throw new ResponseTooLarge("the inflated response body", limit);
            }
            return body;
        }
    }
}
