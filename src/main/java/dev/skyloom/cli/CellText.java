package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Renders one field value as the text of a CSV or table cell: times and durations in ISO-8601, geometries as WKT,
 * bytes as base64, lists and nested messages as JSON, everything else by {@code toString()}; null as empty text.
 */
final class CellText {

    private CellText() {
    }

    /** @return the cell text of {@code value}, never null */
    static String of(Object value) {
        return switch (value) {
            case null -> "";
            case Geometry geometry -> new WKTWriter().write(geometry);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Collection<?> _, Map<?, ?> _ -> json(value);
            default -> value.toString();
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
            case null, default -> of(value);
        };
    }

    private static String json(Object value) {
        try {
            return FieldJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a field value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
