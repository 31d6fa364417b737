package dev.skyloom.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.skyloom.SpatialFilter;
import dev.skyloom.TimeInterval;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns option text into values; every failure is a {@link TypeConversionException} whose message says what to type
 * instead (picocli prefixes it with the option's name).
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** A date or date-time, as {@link TimeInterval#parseInstant} reads it. */
    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return TimeInterval.parseInstant(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in degrees, as an intersecting spatial filter. */
    static final class BboxConverter implements ITypeConverter<SpatialFilter> {
        @Override
        public SpatialFilter convert(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 4) {
                throw new TypeConversionException("'" + text + "' is not a bbox: give four numbers"
                        + " minLon,minLat,maxLon,maxLat, e.g. 5.9,45.8,10.5,47.8");
            }
            double[] values = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + parts[i].strip() + "' in bbox '" + text
                            + "' is not a number; give minLon,minLat,maxLon,maxLat, e.g. 5.9,45.8,10.5,47.8");
                }
            }
            try {
                return SpatialFilter.bbox(values[0], values[1], values[2], values[3]);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A polygon or multipolygon: WKT text, or {@code @path} of a file holding WKT or GeoJSON (a geometry, a Feature,
     * or a FeatureCollection with one feature).
     */
    static final class GeometryConverter implements ITypeConverter<Geometry> {
        @Override
        public Geometry convert(String text) {
            if (!text.startsWith("@")) {
                return wkt(text, "'" + text + "'");
            }
            Path file = Path.of(text.substring(1));
            String content;
            try {
                content = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new TypeConversionException("no such file: " + file);
            } catch (IOException e) {
                throw new TypeConversionException("cannot read " + file + ": " + e.getMessage());
            }
            if (!content.strip().startsWith("{")) {
                return wkt(content, file.toString());
            }
            try {
                JsonNode json = FieldJson.MAPPER.readTree(content);
                return GeoJsonGeometry.read(json);
            } catch (JacksonException e) {
                throw new TypeConversionException(file + " is not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(file + ": " + e.getMessage());
            }
        }

        private static Geometry wkt(String text, String source) {
            try {
                return new WKTReader().read(text);
            } catch (ParseException | IllegalArgumentException e) {
                throw new TypeConversionException(source + " is not WKT (" + e.getMessage()
                        + "); give e.g. 'POLYGON((5.9 45.8, 10.5 45.8, 10.5 47.8, 5.9 47.8, 5.9 45.8))'"
                        + " or @file.geojson");
            }
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host, such as {@code http://127.0.0.1:8080}. */
    static final class UrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                uri = null;
            }
            String scheme = uri == null ? null : uri.getScheme();
            if (uri == null || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new TypeConversionException("'" + text + "' is not an http(s) URL: use e.g. "
                        + SkyloomCommand.DEFAULT_URL + " or http://127.0.0.1:8080");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new TypeConversionException("'" + text + "' must not have a query, fragment or user name;"
                        + " give the API key with --api-key");
            }
            return uri;
        }
    }

    /** A datapoint id: a UUID such as {@code 0186d2a0-2b3c-7d4e-8f90-a1b2c3d4e5f6}. */
    static final class UuidConverter implements ITypeConverter<UUID> {
        @Override
        public UUID convert(String text) {
            String s = text.strip();
            if (s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                return UUID.fromString(s);
            }
            throw new TypeConversionException("'" + text + "' is not a datapoint id: give a UUID such as"
                    + " 0186d2a0-2b3c-7d4e-8f90-a1b2c3d4e5f6 (query with --fields time,id lists them)");
        }
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1.5s} or ISO {@code PT30S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

        @Override
        public Duration convert(String text) {
            String s = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(s);
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                double millis = switch (m.group(2)) {
                    case "ms" -> amount;
                    case "s" -> amount * 1_000;
                    case "m" -> amount * 60_000;
                    default -> amount * 3_600_000;
                };
                return Duration.ofMillis(Math.round(millis));
            }
            if (s.equals("0")) {
                return Duration.ZERO;
            }
            try {
                Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException ignored) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + text + "' is not a duration: use e.g. 500ms, 30s, 2m or 1h");
        }
    }
}
