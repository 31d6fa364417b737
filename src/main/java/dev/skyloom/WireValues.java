package dev.skyloom;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.skyloom.codec.Wkb;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.SpatialCoordinateSystem;
import dev.skyloom.wire.datasets.v1.SpatialFilterMode;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Conversions between the public values and their wire messages, in both directions. */
final class WireValues {

    private WireValues() {
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static dev.skyloom.wire.tilebox.v1.TimeInterval timeInterval(TimeInterval interval) {
        return dev.skyloom.wire.tilebox.v1.TimeInterval.newBuilder()
                .setStartTime(timestamp(interval.start()))
                .setEndTime(timestamp(interval.end()))
                .setStartExclusive(interval.startExclusive())
                .setEndInclusive(interval.endInclusive())
                .build();
    }

    static TimeInterval timeInterval(dev.skyloom.wire.tilebox.v1.TimeInterval wire) {
        return new TimeInterval(instant(wire.getStartTime()), instant(wire.getEndTime()), wire.getStartExclusive(),
                wire.getEndInclusive());
    }

    static dev.skyloom.wire.datasets.v1.SpatialFilter spatialFilter(SpatialFilter filter) {
        return dev.skyloom.wire.datasets.v1.SpatialFilter.newBuilder()
                .setGeometry(Geometry.newBuilder().setWkb(ByteString.copyFrom(Wkb.writeEwkb(filter.geometry()))))
                .setMode(switch (filter.mode()) {
                    case INTERSECTS -> SpatialFilterMode.SPATIAL_FILTER_MODE_INTERSECTS;
                    case CONTAINS -> SpatialFilterMode.SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY;
                    case COVERS -> SpatialFilterMode.SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER;
                })
                .setCoordinateSystem(switch (filter.coordinateSystem()) {
                    case CARTESIAN -> SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN;
                    case SPHERICAL -> SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL;
                })
                .build();
    }

    static CollectionInfo collectionInfo(dev.skyloom.wire.datasets.v1.CollectionInfo wire) {
        Optional<TimeInterval> availability = wire.hasAvailability()
                ? Optional.of(timeInterval(wire.getAvailability())) : Optional.empty();
        OptionalLong count = wire.hasCount() ? OptionalLong.of(wire.getCount()) : OptionalLong.empty();
        return new CollectionInfo(wire.getCollection().getName(),
                Ids.required(wire.getCollection().getId(), "collection"), availability, count);
    }

    static DatasetKind kind(dev.skyloom.wire.datasets.v1.DatasetKind kind) {
        return kind == dev.skyloom.wire.datasets.v1.DatasetKind.DATASET_KIND_TEMPORAL
                ? DatasetKind.TEMPORAL : DatasetKind.SPATIOTEMPORAL;
    }

    /** The dataset's description; {@code slug} is the one the caller used or the catalogue computed. */
    static DatasetInfo datasetInfo(Dataset wire, String slug) {
        return new DatasetInfo(Ids.required(wire.getId(), "dataset"),
                Ids.fromWire(wire.getGroupId()).orElse(new java.util.UUID(0, 0)), slug, wire.getCodeName(),
                wire.getName(), wire.getSummary(), kind(wire.getType().getKind()));
    }
}
