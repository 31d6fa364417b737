package dev.skyloom.cli;

import dev.skyloom.codec.WkbScan;

import java.util.Arrays;

import static dev.skyloom.codec.WkbScan.doubleAt;
import static dev.skyloom.codec.WkbScan.intAt;

/**
 * Writes the WKT of a geometry straight from WKB bytes that {@link WkbScan} accepted, exactly as {@link WktText}
 * writes the geometry JTS reads from those bytes, without building it.
 */
final class WkbText {

    private static final String[] NAMES = {null, "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

    private WkbText() {
    }

    /** Appends the WKT of the geometry {@code scan} last accepted in {@code bytes}. */
    static void append(CharRow out, byte[] bytes, WkbScan scan) {
        tagged(out, bytes, scan.type(), scan.body());
    }

    private static int tagged(CharRow out, byte[] bytes, int code, int at) {
        out.append(NAMES[code]).append(' ');
        return body(out, bytes, code, at);
    }

    /** Appends the body of the geometry of type {@code code} whose body starts at {@code at}; returns its end. */
    private static int body(CharRow out, byte[] bytes, int code, int at) {
        if (empty(bytes, code, at)) {
            out.append("EMPTY");
            return skip(bytes, code, at);
        }
        return switch (code) {
            case 1 -> sequence(out, bytes, at, 1);
            case 2 -> sequence(out, bytes, at + 4, intAt(bytes, at));
            case 3 -> {
                int rings = intAt(bytes, at);
                int next = at + 4;
                out.append('(');
                for (int ring = 0; ring < rings; ring++) {
                    if (ring > 0) {
                        out.append(", ");
                    }
                    next = sequence(out, bytes, next + 4, intAt(bytes, next));
                }
                out.append(')');
                yield next;
            }
            default -> {
                int parts = intAt(bytes, at);
                int next = at + 4;
                out.append('(');
                for (int part = 0; part < parts; part++) {
                    if (part > 0) {
                        out.append(", ");
                    }
                    int element = intAt(bytes, next + 1);
                    next = code == 7 ? tagged(out, bytes, element, next + 5) : body(out, bytes, element, next + 5);
                }
                out.append(')');
                yield next;
            }
        };
    }

    /**
     * Appends a sequence of {@code count} points. A ring's closing point repeats its first, byte for byte, so its text
     * is copied rather than formatted again: 2 of a footprint's 10 ordinates.
     */
    private static int sequence(CharRow out, byte[] bytes, int at, int count) {
        out.append('(');
        int firstFrom = 0;
        int firstTo = 0;
        for (int i = 0; i < count; i++) {
            int point = at + 16 * i;
            if (i > 0) {
                out.append(", ");
            }
            if (i > 0 && i == count - 1 && Arrays.equals(bytes, at, at + 16, bytes, point, point + 16)) {
                out.appendCopy(firstFrom, firstTo);
            } else {
                int from = out.length();
                out.appendOrdinate(doubleAt(bytes, point)).append(' ').appendOrdinate(doubleAt(bytes, point + 8));
                if (i == 0) {
                    firstFrom = from;
                    firstTo = out.length();
                }
            }
        }
        out.append(')');
        return at + 16 * count;
    }

    /** {@return whether the geometry is empty as JTS says: no points, or a collection of empty geometries only} */
    private static boolean empty(byte[] bytes, int code, int at) {
        return switch (code) {
            case 1 -> false;
            case 2, 3 -> intAt(bytes, at) == 0;
            default -> {
                int parts = intAt(bytes, at);
                int next = at + 4;
                for (int part = 0; part < parts; part++) {
                    int element = intAt(bytes, next + 1);
                    if (!empty(bytes, element, next + 5)) {
                        yield false;
                    }
                    next = skip(bytes, element, next + 5);
                }
                yield true;
            }
        };
    }

    /** {@return where the body of the geometry of type {@code code} starting at {@code at} ends} */
    private static int skip(byte[] bytes, int code, int at) {
        return switch (code) {
            case 1 -> at + 16;
            case 2 -> at + 4 + 16 * intAt(bytes, at);
            case 3 -> {
                int rings = intAt(bytes, at);
                int next = at + 4;
                for (int ring = 0; ring < rings; ring++) {
                    next += 4 + 16 * intAt(bytes, next);
                }
                yield next;
            }
            default -> {
                int parts = intAt(bytes, at);
                int next = at + 4;
                for (int part = 0; part < parts; part++) {
                    next = skip(bytes, intAt(bytes, next + 1), next + 5);
                }
                yield next;
            }
        };
    }
}
