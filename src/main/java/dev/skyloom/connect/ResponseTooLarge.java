package dev.skyloom.connect;

import java.io.IOException;

/** A response body, as received or once inflated, passed the configured cap; reading stopped there. */
final class ResponseTooLarge extends IOException {

    /**
     * @param what  what passed the cap, e.g. {@code the response body}
     * @param limit the cap in bytes
     */
    ResponseTooLarge(String what, long limit) {
        super(what + " is larger than the limit of " + describe(limit));
    }

    /** {@return a byte count as a person reads it: {@code 64 MiB}, {@code 512 KiB}, {@code 100 bytes}} */
    static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
