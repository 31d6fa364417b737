package dev.skyloom.cli;

import dev.skyloom.SpatialFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionConvertersTest {

    @Test
    void timesAcceptDatesAndDateTimes() {
        var times = new OptionConverters.TimeConverter();
        assertThat(times.convert("2020-01-01")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(times.convert("2020-01-01T12:00:00+02:00")).isEqualTo(Instant.parse("2020-01-01T10:00:00Z"));
        assertThatThrownBy(() -> times.convert("yesterday")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'yesterday'").hasMessageContaining("2025-03-01");
    }

    @Test
    void bboxNeedsFourNumbersInRange() {
        var bbox = new OptionConverters.BboxConverter();
        SpatialFilter filter = bbox.convert("5.9, 45.8,10.5,47.8");
        assertThat(filter.geometry().getEnvelopeInternal().getMaxX()).isEqualTo(10.5);
        assertThatThrownBy(() -> bbox.convert("1,2,3")).hasMessageContaining("four numbers");
        assertThatThrownBy(() -> bbox.convert("1,x,3,4")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> bbox.convert("10,45,5,47")).hasMessageContaining("minLon 10.0");
    }

    @Test
    void geometriesComeFromWktOrFromAGeoJsonOrWktFile(@TempDir Path dir) throws IOException {
        var geometries = new OptionConverters.GeometryConverter();
        Geometry wkt = geometries.convert("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        assertThat(wkt.getArea()).isEqualTo(1.0);

        Path feature = Files.writeString(dir.resolve("area.geojson"), """
                {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon",
                 "coordinates": [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]]}}""");
        Geometry fromFile = geometries.convert("@" + feature);
        assertThat(fromFile.getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(fromFile.getArea()).isEqualTo(4.0);

        Path wktFile = Files.writeString(dir.resolve("area.wkt"), "POLYGON((0 0, 3 0, 3 1, 0 1, 0 0))\n");
        assertThat(geometries.convert("@" + wktFile).getArea()).isEqualTo(3.0);
    }

    @Test
    void badGeometriesNameTheProblem(@TempDir Path dir) throws IOException {
        var geometries = new OptionConverters.GeometryConverter();
        assertThatThrownBy(() -> geometries.convert("POLYGON((0 0, 1 0")).hasMessageContaining("is not WKT");
        assertThatThrownBy(() -> geometries.convert("@" + dir.resolve("missing.geojson")))
                .hasMessageContaining("no such file");
        Path broken = Files.writeString(dir.resolve("broken.geojson"), "{\"type\": \"Polygon\", \"coordinates\": [[[0]]]}");
        assertThatThrownBy(() -> geometries.convert("@" + broken)).hasMessageContaining("position");
        Path notJson = Files.writeString(dir.resolve("x.geojson"), "{\"type\": ");
        assertThatThrownBy(() -> geometries.convert("@" + notJson)).hasMessageContaining("not valid JSON");
    }

    @Test
    void durationsUseShortUnitsOrIso() {
        var durations = new OptionConverters.DurationConverter();
        assertThat(durations.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(durations.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(durations.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(durations.convert("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(durations.convert("PT10S")).isEqualTo(Duration.ofSeconds(10));
        assertThat(durations.convert("0")).isZero();
        assertThatThrownBy(() -> durations.convert("soon")).hasMessageContaining("'soon'").hasMessageContaining("30s");
        assertThatThrownBy(() -> durations.convert("-PT1S")).hasMessageContaining("not a duration");
    }
}
