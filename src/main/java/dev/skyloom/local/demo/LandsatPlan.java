package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import dev.skyloom.local.demo.SunSynchronousOrbit.Pass;
import dev.skyloom.local.demo.SunSynchronousOrbit.TrackPoint;

import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Which Landsat 8 scenes the demo catalogue holds, and in which collections.
 *
 * <p>Candidates are the WRS-2 scenes (rows 1-122 of the descending daytime pass) whose centre is over land and sunlit.
 * Like the real long-term acquisition plan, the scenes with the best predicted weather are acquired; the
 * hardest to geolocate (cloudy, polar) become L1GT, a few of the rest from before 2020-08-24 L1T (the older product
 * line), the others L1TP, and the clearest L1TP scenes also get an L2SP product. Each choice is made by rank within
 * 2020, so that the year holds exactly {@link #L1GT_2020}, {@link #L1T_2020}, {@link #L1TP_2020} and
 * {@link #L2SP_2020} scenes; outside 2020 the same score thresholds apply.
 */
final class LandsatPlan {

    static final int L1GT = 0;
    static final int L1T = 1;
    static final int L1TP = 2;
    static final int L1GT_2020 = 19_624;
    static final int L1T_2020 = 1_281;
    static final int L1TP_2020 = 65_313;
    static final int L2SP_2020 = 25_375;
    static final long YEAR_START = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    static final long YEAR_END = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();
    static final long L1T_END = Instant.parse("2020-08-24T03:21:50Z").toEpochMilli();

    private static final int ROWS_PER_ORBIT = 248;
    private static final int LAST_DAYTIME_ROW = 122;
    private static final int EQUATOR_ROW = 60;

    /** One candidate scene: where and when, and its scores. */
    record Scene(Pass pass, int row, double w, long time, LonLat centre, double cloudCover, double acquisitionScore,
                 double difficulty, double clearness) {
    }

    private final Scene[] scenes;
    private final List<List<LonLat>> footprints;
    private final int[] category;
    private final boolean[] l2sp;

    private LandsatPlan(Scene[] scenes, List<List<LonLat>> footprints) {
        this.scenes = scenes;
        this.footprints = footprints;
        this.category = new int[scenes.length];
        this.l2sp = new boolean[scenes.length];
        Arrays.fill(category, -1);
    }

    /**
     * Plans the scenes acquired in {@code [start, end)}, which must cover 2020.
     *
     * @throws IllegalStateException if the window offers too few candidates for the 2020 counts
     */
    static LandsatPlan of(SunSynchronousOrbit orbit, long start, long end, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x1A8L);
        Weather weather = new Weather(random);
        // Every pass is the same track turned about the polar axis: row centres and footprints are computed once.
        TrackPoint[] centres = new TrackPoint[LAST_DAYTIME_ROW + 1];
        List<List<LonLat>> footprints = new ArrayList<>(Collections.nCopies(LAST_DAYTIME_ROW + 1, List.of()));
        for (int row = 1; row <= LAST_DAYTIME_ROW; row++) {
            centres[row] = orbit.track(rowAngle(row));
            footprints.set(row, orbit.swathTemplate(rowAngle(row), 180, -92.5, 92.5));
        }
        List<Scene> candidates = new ArrayList<>();
        long last = orbit.firstOrbitFrom(end / 1000.0);
        for (long k = orbit.firstOrbitFrom(start / 1000.0) - 1; k <= last; k++) {
            Pass pass = orbit.pass(k);
            for (int row = 1; row <= LAST_DAYTIME_ROW; row++) {
                double w = rowAngle(row);
                long time = Math.round((pass.nodeSeconds() + orbit.secondsAt(w)) * 1000);
                if (time < start || time >= end) {
                    continue;
                }
                LonLat centre = SunSynchronousOrbit.at(pass, centres[row]);
                if (!LandMask.isLand(centre) || SphericalEarth.sunElevation(centre, time / 1000.0) < 5
                        || (StrictMath.abs(centre.lon()) > 160
                        && SunSynchronousOrbit.place(footprints.get(row), pass).isEmpty())) {
                    continue;
                }
                double sky = weather.at(centre, time);
                double cloud = Math.clamp(45 + 55 * sky + 10 * (random.nextDouble() - 0.5), 0.0, 100.0);
                double polar = StrictMath.abs(centre.lat()) > 60 ? 0.6 : 0.0;
                candidates.add(new Scene(pass, row, w, time, centre, Math.round(cloud * 100) / 100.0,
                        0.5 * sky + 0.5 * (2 * random.nextDouble() - 1),
                        cloud / 100 + polar + 0.2 * random.nextDouble(),
                        cloud + 30 * random.nextDouble()));
            }
        }
        LandsatPlan plan = new LandsatPlan(candidates.toArray(Scene[]::new), footprints);
        plan.assign();
        return plan;
    }

    /** The angle past the descending node of the centre of WRS-2 row {@code row} (row 60 is on the equator). */
    static double rowAngle(int row) {
        return (row - EQUATOR_ROW) * 2 * Math.PI / ROWS_PER_ORBIT;
    }

    int size() {
        return scenes.length;
    }

    Scene scene(int index) {
        return scenes[index];
    }

    /** The footprint of a scene: 185 km across its path, 180 km along it (never across the antimeridian). */
    List<LonLat> footprint(int index) {
        return SunSynchronousOrbit.place(footprints.get(scenes[index].row()), scenes[index].pass());
    }

    /** The level-1 collection of the scene ({@link #L1GT}, {@link #L1T}, {@link #L1TP}), or -1 if not acquired. */
    int category(int index) {
        return category[index];
    }

    boolean hasL2sp(int index) {
        return l2sp[index];
    }

    private void assign() {
        boolean[] acquired = new boolean[scenes.length];
        double acquisition = choose(i -> in2020(i), i -> scenes[i].acquisitionScore(), false,
                L1GT_2020 + L1T_2020 + L1TP_2020, acquired);
        markOutside2020(acquired, i -> scenes[i].acquisitionScore() <= acquisition);

        boolean[] geometric = new boolean[scenes.length];
        double hardest = choose(i -> in2020(i) && acquired[i], i -> scenes[i].difficulty(), true, L1GT_2020,
                geometric);
        markOutside2020(geometric, i -> acquired[i] && scenes[i].difficulty() >= hardest);

        boolean[] legacy = new boolean[scenes.length];
        double legacyThreshold = choose(i -> in2020(i) && acquired[i] && !geometric[i] && scenes[i].time() < L1T_END,
                i -> scenes[i].difficulty(), true, L1T_2020, legacy);
        markOutside2020(legacy, i -> acquired[i] && !geometric[i] && scenes[i].time() < L1T_END
                && scenes[i].difficulty() >= legacyThreshold);

        for (int i = 0; i < scenes.length; i++) {
            category[i] = !acquired[i] ? -1 : geometric[i] ? L1GT : legacy[i] ? L1T : L1TP;
        }
        double clearest = choose(i -> in2020(i) && category[i] == L1TP, i -> scenes[i].clearness(), false,
                L2SP_2020, l2sp);
        markOutside2020(l2sp, i -> category[i] == L1TP && scenes[i].clearness() <= clearest);
    }

    /**
     * Marks the first {@code count} eligible scenes by key (ties in time order) and returns the key of the last one.
     */
    private double choose(IntPredicate eligible, IntToDoubleFunction key, boolean descending, int count,
                          boolean[] chosen) {
        double sign = descending ? -1.0 : 1.0;
        double[] keys = new double[scenes.length];
        int eligibleCount = 0;
        for (int i = 0; i < scenes.length; i++) {
            if (eligible.test(i)) {
                keys[eligibleCount++] = sign * key.applyAsDouble(i);
            }
        }
        if (eligibleCount < count) {
            throw new IllegalStateException("the Landsat window offers " + eligibleCount + " candidate scenes in 2020, "
                    + count + " needed");
        }
        // The count-th smallest key, as sorting would find it, without sorting.
        double last = Ranks.select(keys, eligibleCount, count - 1);
        int below = 0;
        for (int i = 0; i < eligibleCount; i++) {
            if (keys[i] < last) {
                below++;
            }
        }
        int atLast = count - below;
        for (int i = 0; i < scenes.length; i++) {
            if (eligible.test(i)) {
                double k = sign * key.applyAsDouble(i);
                if (k < last || (k == last && atLast-- > 0)) {
                    chosen[i] = true;
                }
            }
        }
        return sign * last;
    }

    private void markOutside2020(boolean[] chosen, IntPredicate rule) {
        for (int i = 0; i < scenes.length; i++) {
            if (!in2020(i) && rule.test(i)) {
                chosen[i] = true;
            }
        }
    }

    private boolean in2020(int index) {
        return scenes[index].time() >= YEAR_START && scenes[index].time() < YEAR_END;
    }

    /** Smooth, drifting cloudiness in [-1, 1]: three travelling waves with seeded wave numbers and phases. */
    private static final class Weather {

        private final double[] lonWave = new double[3];
        private final double[] latWave = new double[3];
        private final double[] speed = new double[3];
        private final double[] phase = new double[3];

        Weather(SplittableRandom random) {
            for (int k = 0; k < 3; k++) {
                lonWave[k] = 1 + 3 * random.nextDouble();
                latWave[k] = 1 + 3 * random.nextDouble();
                speed[k] = 0.5 + random.nextDouble();
                phase[k] = 2 * Math.PI * random.nextDouble();
            }
        }

        double at(LonLat p, long epochMillis) {
            double days = epochMillis / 86_400_000.0;
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += StrictMath.sin(lonWave[k] * StrictMath.toRadians(p.lon())
                        + latWave[k] * StrictMath.toRadians(p.lat()) + speed[k] * days + phase[k]);
            }
            return sum / 3;
        }
    }
}
