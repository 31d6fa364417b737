package dev.skyloom.local.store;

import org.locationtech.jts.geom.Geometry;

/**
 * A datapoint whose producer already knows what {@link Ingestor} would otherwise derive by parsing it: the demo
 * catalogue generates millions of these, and parsing each back would cost more than generating it.
 *
 * @param timeMs   its {@code time}, floored to Unix milliseconds
 * @param content  its canonical serialization without {@code id} and {@code ingestion_time}: fields in number order,
 *                 no unknown fields, scalars without presence left out when they hold their default (what protobuf's
 *                 {@code DynamicMessage} writes)
 * @param geometry the geometry its {@code geometry} field holds, or null if it has none
 */
public record CanonicalDatapoint(long timeMs, byte[] content, Geometry geometry) {
}
