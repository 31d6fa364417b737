package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import dev.skyloom.local.demo.SunSynchronousOrbit.Pass;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GroundTrackTest {

    private static final SunSynchronousOrbit LANDSAT = Landsat8OliTirs.orbit();

    @Test
    void wrs2Path44Row34IsOverTheSanFranciscoBayArea() {
        Pass path44 = null;
        for (long k = 0; k < 233 && path44 == null; k++) {
            path44 = Landsat8OliTirs.path(LANDSAT.pass(k)) == 44 ? LANDSAT.pass(k) : null;
        }

        assertThat(path44).isNotNull();
        LonLat centre = LANDSAT.at(path44, LandsatPlan.rowAngle(34));
        assertThat(centre.lon()).isCloseTo(-122.3, within(1.0));
        assertThat(centre.lat()).isCloseTo(37.3, within(1.0));
    }

    @Test
    void everyLandsatPassLiesOnAWrs2PathAndAllPathsRecurInSixteenDays() {
        Set<Integer> paths = new TreeSet<>();
        for (long k = 0; k < 233; k++) {
            Pass pass = LANDSAT.pass(k);
            double offPath = (-64.6 - pass.nodeLon()) * 233 / 360.0;
            assertThat(offPath - Math.round(offPath)).isCloseTo(0.0, within(1e-6));
            paths.add(Landsat8OliTirs.path(pass));
        }
        assertThat(paths).hasSize(233).first().isEqualTo(1);
        assertThat(LANDSAT.pass(233).nodeSeconds() - LANDSAT.pass(0).nodeSeconds()).isCloseTo(16 * 86_400.0,
                within(1e-3));
    }

    @Test
    void consecutiveLandsatScenesAreAbout24SecondsApart() {
        double gap = LANDSAT.secondsAt(LandsatPlan.rowAngle(35)) - LANDSAT.secondsAt(LandsatPlan.rowAngle(34));

        assertThat(gap).isCloseTo(23.9, within(0.1));
    }

    @Test
    void descendingNodesKeepTheirLocalSolarTime() {
        for (long k = 0; k < 50; k++) {
            Pass pass = LANDSAT.pass(k);
            double utcHours = (pass.nodeSeconds() / 3600.0) % 24.0;
            double localHours = ((utcHours + pass.nodeLon() / 15.0) % 24.0 + 24.0) % 24.0;
            assertThat(localHours).isCloseTo(10.2, within(1e-6));
            assertThat(LANDSAT.at(pass, 0.0).lat()).isCloseTo(0.0, within(1e-9));
            assertThat(LANDSAT.heading(pass, 0.0)).isCloseTo(-168.0, within(3.0));
        }
    }

    @Test
    void footprintsAcrossTheAntimeridianAreSkipped() {
        assertThat(SunSynchronousOrbit.square(new LonLat(179.9, 10.0), 110)).isEmpty();
        assertThat(SunSynchronousOrbit.square(new LonLat(10.0, 10.0), 110)).hasSize(5);
        Pass pass = new Pass(0, 0.0, 179.5);
        assertThat(LANDSAT.swathQuad(pass, 0.0, 180, -92.5, 92.5)).isEmpty();
        Pass inland = new Pass(0, 0.0, 20.0);
        assertThat(LANDSAT.swathQuad(inland, 0.0, 180, -92.5, 92.5)).hasSize(5);
    }

    @Test
    void sunIsOverheadAtNoonOnTheEquatorAtTheEquinoxAndBelowTheHorizonAtMidnight() {
        double noon = Instant.parse("2020-03-20T12:00:00Z").getEpochSecond();
        LonLat greenwichEquator = new LonLat(0.0, 0.0);

        assertThat(SphericalEarth.sunElevation(greenwichEquator, noon)).isCloseTo(90.0, within(3.0));
        assertThat(SphericalEarth.sunElevation(greenwichEquator, noon + 43_200)).isNegative();
        assertThat(SphericalEarth.sunAzimuth(new LonLat(0.0, 45.0), noon)).isCloseTo(180.0, within(2.0));
        assertThat(SphericalEarth.sunAzimuth(new LonLat(0.0, 45.0), noon - 4 * 3600)).isBetween(90.0, 150.0);
    }
}
