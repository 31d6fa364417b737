package dev.skyloom.codec;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WkbTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void pointPolygonAndMultiPolygonSurviveARoundTrip() throws Exception {
        WKTReader wkt = new WKTReader();
        for (String text : new String[]{
                "POINT (13.4 52.5)",
                "POLYGON ((158.9 18.9, 160.0 18.9, 160.0 17.9, 158.9 17.9, 158.9 18.9))",
                "MULTIPOLYGON (((179 1, 180 1, 180 0, 179 0, 179 1)), ((-180 1, -179 1, -179 0, -180 0, -180 1)))"}) {
            Geometry original = wkt.read(text);

            Geometry back = Wkb.read(Wkb.writeEwkb(original));

            assertThat(back.equalsExact(original)).as(text).isTrue();
            assertThat(back.getGeometryType()).isEqualTo(original.getGeometryType());
            assertThat(back.getSRID()).isEqualTo(4326);
        }
    }

    @Test
    void writesLittleEndianEwkbWithSrid4326() {
        Point point = new GeometryFactory().createPoint(new Coordinate(1.5, -2.0));

        byte[] ewkb = Wkb.writeEwkb(point);

        assertThat(HEX.formatHex(ewkb)).isEqualTo("01" + "01000020" + "e6100000"
                + "000000000000f83f" + "00000000000000c0");
    }

    @Test
    void dropsZWhenWriting() {
        Point point = new GeometryFactory().createPoint(new Coordinate(1.5, -2.0, 100.0));

        assertThat(Wkb.writeEwkb(point)).hasSize(25);
        assertThat(Double.isNaN(Wkb.read(Wkb.writeEwkb(point)).getCoordinate().getZ())).isTrue();
    }

    @Test
    void readsEwkbWithSrid4326AsServerResponsesCarryIt() {
        Polygon polygon = (Polygon) Wkb.read(Sentinel2Msi.ewkbPolygon(Sentinel2Msi.FOOTPRINT));

        assertThat(Sentinel2Msi.ewkbPolygon(Sentinel2Msi.FOOTPRINT)).hasSize(97)
                .startsWith(HEX.parseHex("01030000" + "20e61000" + "00"));
        assertThat(polygon.getSRID()).isEqualTo(4326);
        assertThat(polygon.getExteriorRing().getNumPoints()).isEqualTo(5);
        assertThat(polygon.getCoordinates()[2]).isEqualTo(new Coordinate(160.0381, 17.9966));
    }

    @Test
    void readsBigEndianPlainWkb() {
        byte[] bigEndianPoint = HEX.parseHex("00" + "00000001" + "4024000000000000" + "c034000000000000");

        Point point = (Point) Wkb.read(bigEndianPoint);

        assertThat(point.getX()).isEqualTo(10.0);
        assertThat(point.getY()).isEqualTo(-20.0);
        assertThat(point.getSRID()).isEqualTo(4326);
    }

    @Test
    void readsEwkbWithSridZeroAsWgs84() {
        byte[] noSrid = HEX.parseHex("01" + "01000020" + "00000000" + "000000000000f03f" + "0000000000000040");

        Point point = (Point) Wkb.read(noSrid);

        assertThat(point.getX()).isEqualTo(1.0);
        assertThat(point.getY()).isEqualTo(2.0);
        assertThat(point.getSRID()).isEqualTo(4326);
    }

    @Test
    void rejectsAnotherSrid() {
        byte[] webMercator = HEX.parseHex("01" + "01000020" + "110f0000" + "0000000000000000" + "0000000000000000");

        assertThatThrownBy(() -> Wkb.read(webMercator))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported SRID 3857 in EWKB geometry: only 4326 (WGS84 lon/lat) or none is accepted");
        Point point = new GeometryFactory().createPoint(new Coordinate(0, 0));
        point.setSRID(3857);
        assertThatThrownBy(() -> Wkb.writeEwkb(point)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SRID 3857");
    }

    @Test
    void truncatedOrGarbageBytesAreAClearError() {
        assertThatThrownBy(() -> Wkb.read(HEX.parseHex("0103000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid WKB geometry (5 bytes): ");
        assertThatThrownBy(() -> Wkb.read(HEX.parseHex("01ff0000000000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid WKB geometry (7 bytes): ");
        assertThatThrownBy(() -> Wkb.read(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid WKB geometry (0 bytes): ");
    }
}
