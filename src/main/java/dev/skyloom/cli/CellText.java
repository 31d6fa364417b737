package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.locationtech.jts.geom.Geometry;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Renders one field value as the text of a CSV or table cell: times as {@link Instant#toString()} reads, durations in
 * ISO-8601, geometries as WKT ({@link WktText}), bytes as base64, lists and nested messages as JSON, everything else by
 * {@code toString()}; null as empty text.
 */
final class CellText {

    private CellText() {
    }

    /** @return the cell text of {@code value}, never null */
    static String of(Object value) {
        return switch (value) {
            case null -> "";
            case String text -> text;
            default -> {
                StringBuilder text = new StringBuilder(32);
                append(text, value);
                yield text.toString();
            }
        };
    }

    /**
     * The text of a cell people read in a table: as {@link #of}, but whole numbers grouped by thousands
     * ({@code 22,749}).
     *
     * @return the cell text of {@code value}, never null
     */
    static String forPeople(Object value) {
        return switch (value) {
            case Long n -> Numbers.grouped(n);
            case Integer n -> Numbers.grouped(n);
            case Short n -> Numbers.grouped(n);
            case BigInteger n -> Numbers.grouped(n);
            case null, default -> of(value);
        };
    }

    /** Appends the cell text of {@code value} to {@code out}; nothing for null. */
    static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> {
            }
            case String text -> out.append(text);
            case Instant instant -> InstantText.append(out, instant);
            case Double number -> out.append(number.doubleValue());
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Boolean flag -> out.append(flag.booleanValue());
            case Geometry geometry -> WktText.append(out, geometry);
            case byte[] bytes -> out.append(Base64.getEncoder().encodeToString(bytes));
            case Collection<?> _, Map<?, ?> _ -> out.append(json(value));
            default -> out.append(value);
        }
    }

    private static String json(Object value) {
        try {
            return FieldJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a field value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
