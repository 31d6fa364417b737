package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between JTS geometries and RFC 7946 GeoJSON geometry objects (x = longitude, y = latitude).
 *
 * <p>jts-core has no GeoJSON support (that is in jts-io), so the coordinate arrays are mapped here, over Jackson's
 * generator and tree model.
 */
final class GeoJsonGeometry {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometry() {
    }

    /**
     * Writes {@code geometry} as a GeoJSON geometry object.
     *
     * @throws IOException if the generator fails
     */
    static void write(JsonGenerator out, Geometry geometry) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint
                || geometry instanceof MultiLineString || geometry instanceof MultiPolygon)) {
            out.writeArrayFieldStart("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                write(out, collection.getGeometryN(i));
            }
            out.writeEndArray();
        } else {
            out.writeFieldName("coordinates");
            writeCoordinates(out, geometry);
        }
        out.writeEndObject();
    }

    private static void writeCoordinates(JsonGenerator out, Geometry geometry) throws IOException {
        switch (geometry) {
            case Point point when point.isEmpty() -> {
                out.writeStartArray();
                out.writeEndArray();
            }
            case Point point -> writePosition(out, point.getCoordinate());
            case LineString line -> writePositions(out, line.getCoordinates());
            case Polygon polygon -> {
                out.writeStartArray();
                if (!polygon.isEmpty()) {
                    writePositions(out, polygon.getExteriorRing().getCoordinates());
                    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                        writePositions(out, polygon.getInteriorRingN(i).getCoordinates());
                    }
                }
                out.writeEndArray();
            }
            default -> {
                out.writeStartArray();
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    writeCoordinates(out, geometry.getGeometryN(i));
                }
                out.writeEndArray();
            }
        }
    }

    private static void writePositions(JsonGenerator out, Coordinate[] coordinates) throws IOException {
        out.writeStartArray();
        for (Coordinate c : coordinates) {
            writePosition(out, c);
        }
        out.writeEndArray();
    }

    private static void writePosition(JsonGenerator out, Coordinate c) throws IOException {
        out.writeStartArray();
        out.writeNumber(c.x);
        out.writeNumber(c.y);
        if (!Double.isNaN(c.getZ())) {
            out.writeNumber(c.getZ());
        }
        out.writeEndArray();
    }

    /**
     * Reads a GeoJSON geometry object, or the geometry of a Feature, or the single feature of a FeatureCollection.
     *
     * @throws IllegalArgumentException naming what is wrong if the JSON is not such a GeoJSON object
     */
    static Geometry read(JsonNode node) {
        String type = node.path("type").asText("");
        return switch (type) {
            case "Feature" -> read(required(node, "geometry"));
            case "FeatureCollection" -> {
                JsonNode features = node.path("features");
                if (features.size() != 1) {
                    throw new IllegalArgumentException("a FeatureCollection used as a filter must hold exactly one"
                            + " feature, it holds " + features.size());
                }
                yield read(features.get(0));
            }
            case "Point" -> GEOMETRIES.createPoint(position(required(node, "coordinates")));
            case "LineString" -> GEOMETRIES.createLineString(positions(required(node, "coordinates")));
            case "Polygon" -> polygon(required(node, "coordinates"));
            case "MultiPoint" -> GEOMETRIES.createMultiPointFromCoords(positions(required(node, "coordinates")));
            case "MultiLineString" -> {
                JsonNode lines = array(required(node, "coordinates"));
                LineString[] parts = new LineString[lines.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = GEOMETRIES.createLineString(positions(lines.get(i)));
                }
                yield GEOMETRIES.createMultiLineString(parts);
            }
            case "MultiPolygon" -> {
                JsonNode polygons = array(required(node, "coordinates"));
                Polygon[] parts = new Polygon[polygons.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(polygons.get(i));
                }
                yield GEOMETRIES.createMultiPolygon(parts);
            }
            case "GeometryCollection" -> {
                JsonNode members = array(required(node, "geometries"));
                Geometry[] parts = new Geometry[members.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = read(members.get(i));
                }
                yield GEOMETRIES.createGeometryCollection(parts);
            }
            default -> throw new IllegalArgumentException("not a GeoJSON geometry, Feature or FeatureCollection"
                    + (type.isEmpty() ? " (no \"type\")" : ": unknown type \"" + type + "\""));
        };
    }

    private static Polygon polygon(JsonNode rings) {
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : array(rings)) {
            try {
                parsed.add(GEOMETRIES.createLinearRing(positions(ring)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid polygon ring: " + e.getMessage(), e);
            }
        }
        if (parsed.isEmpty()) {
            return GEOMETRIES.createPolygon();
        }
        return GEOMETRIES.createPolygon(parsed.getFirst(), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private static Coordinate[] positions(JsonNode node) {
        JsonNode list = array(node);
        Coordinate[] result = new Coordinate[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = position(list.get(i));
        }
        return result;
    }

    private static Coordinate position(JsonNode node) {
        if (!node.isArray() || node.size() < 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw new IllegalArgumentException("a GeoJSON position must be an array of two or three numbers, got "
                    + node);
        }
        return node.size() > 2 && node.get(2).isNumber()
                ? new Coordinate(node.get(0).asDouble(), node.get(1).asDouble(), node.get(2).asDouble())
                : new Coordinate(node.get(0).asDouble(), node.get(1).asDouble());
    }

    private static JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a GeoJSON coordinate array, got " + node);
        }
        return node;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("GeoJSON " + node.path("type").asText() + " has no \"" + field + "\"");
        }
        return value;
    }
}
