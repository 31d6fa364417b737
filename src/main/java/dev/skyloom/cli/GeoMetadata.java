package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects what the GeoParquet 1.1 {@code geo} file metadata says about the WKB columns (the geometry types seen and
 * their bounding box) while rows are written, and renders it as JSON. No {@code crs} is written, which means
 * OGC:CRS84 (longitude, latitude), the datapoints' own reference system.
 */
final class GeoMetadata {

    /** The file key/value metadata key GeoParquet readers look for. */
    static final String KEY = "geo";

    private final String primaryColumn;
    private final Map<String, ColumnStats> columns = new LinkedHashMap<>();

    /**
     * @param wkbColumns the WKB columns, in schema order; the primary column is {@code geometry} if listed, else the
     *                   first
     * @throws IllegalArgumentException if {@code wkbColumns} is empty
     */
    GeoMetadata(List<String> wkbColumns) {
        if (wkbColumns.isEmpty()) {
            throw new IllegalArgumentException("GeoParquet metadata needs at least one geometry column");
        }
        primaryColumn = wkbColumns.contains("geometry") ? "geometry" : wkbColumns.getFirst();
        wkbColumns.forEach(name -> columns.put(name, new ColumnStats()));
    }

    /** Takes {@code geometry}, written to {@code column}, into the column's types and bounding box. */
    void add(String column, Geometry geometry) {
        add(column, geometry.getGeometryType(), geometry.getEnvelopeInternal());
    }

    /**
     * Takes a geometry written to {@code column} into the column's types and bounding box.
     *
     * @param type     its JTS geometry type name, e.g. {@code Polygon}
     * @param envelope its bounding box, a null envelope if it is empty
     */
    void add(String column, String type, Envelope envelope) {
        ColumnStats stats = columns.get(column);
        if (stats == null) {
            throw new IllegalArgumentException("'" + column + "' is not a geometry column");
        }
        stats.types.add(type);
        stats.bbox.expandToInclude(envelope);
    }

    /** @return the {@code geo} JSON: version, primary column and, per column, encoding, types and bbox if any */
    String json() {
        ObjectNode root = FieldJson.MAPPER.createObjectNode();
        root.put("version", "1.1.0");
        root.put("primary_column", primaryColumn);
        ObjectNode columnsNode = root.putObject("columns");
        columns.forEach((name, stats) -> {
            ObjectNode column = columnsNode.putObject(name);
            column.put("encoding", "WKB");
            ArrayNode types = column.putArray("geometry_types");
            stats.types.forEach(types::add);
            if (!stats.bbox.isNull()) {
                column.putArray("bbox").add(stats.bbox.getMinX()).add(stats.bbox.getMinY())
                        .add(stats.bbox.getMaxX()).add(stats.bbox.getMaxY());
            }
        });
        try {
            return FieldJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the geo metadata: " + e.getOriginalMessage(), e);
        }
    }

    private static final class ColumnStats {
        private final TreeSet<String> types = new TreeSet<>();
        private final Envelope bbox = new Envelope();
    }
}
