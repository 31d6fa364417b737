package dev.skyloom.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Undoes the {@code Content-Encoding} of a response body: gzip or identity, the only codings we ask for. */
final class ContentCoding {

    private ContentCoding() {
    }

    /**
     * Decodes a body according to its headers.
     *
     * @param headers the response headers
     * @param raw     the body as received
     * @return the decoded body ({@code raw} itself when there is no coding or it is {@code identity})
     * @throws IOException if the coding is not supported or the gzip stream is corrupt
     */
    static byte[] decode(HttpHeaders headers, byte[] raw) throws IOException {
        String coding = headers.firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> gunzip(raw);
            default -> throw new IOException("unsupported Content-Encoding '" + coding + "'");
        };
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        if (raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }
}
