package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import dev.skyloom.local.demo.SunSynchronousOrbit.Pass;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetType;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic collection of Sentinel-2 MSI tiles, any number of them, each computed from its index alone: datapoint
 * {@code i} is the same bytes however and whenever it is asked for, so a server can serve millions without storing
 * them.
 *
 * <p>The {@code size} datapoints spread evenly over 2020 ({@link #START} to {@link #END}): datapoint {@code i} lies at
 * {@code START + floor(i * (END - START) / size)} ms plus a seeded offset below half the spacing, so times strictly
 * increase with the index (at least 1 ms apart) and the first index at or after any time is computed directly.
 * Each is a 110 km tile on the 10:30 descending ground track of one of the three satellites (by index), its fields
 * those of the demo catalogue's Sentinel-2 tiles (L1C or L2A, cloud cover, MGRS tile, orbit numbers, product names)
 * drawn from a generator seeded with the collection's seed and the index.
 */
public final class SyntheticTiles {

    /** The start of the synthetic collections' time span, 2020-01-01T00:00:00Z. */
    public static final long START = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    /** The end (exclusive) of the synthetic collections' time span, 2021-01-01T00:00:00Z. */
    public static final long END = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();

    /** Absolute orbit numbers of the three satellites' first orbits of 2020 (plausible, not the real ones). */
    private static final long[] FIRST_ORBITS = {23_500, 14_500, 100};
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final ThreadLocal<Wkb> WKB = ThreadLocal.withInitial(Wkb::new);

    private final Sentinel2Msi.Fields fields;
    private final long seed;
    private final long size;
    private final long quotient;
    private final long remainder;
    private final long jitter;
    private final SunSynchronousOrbit[] orbits = new SunSynchronousOrbit[3];

    /**
     * A synthetic collection.
     *
     * @param compiled the compiled {@link #type()} of the dataset it belongs to
     * @param seed     the collection's seed: two collections with different seeds hold different values
     * @param size     the number of datapoints, 1 to 1,000,000,000
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public SyntheticTiles(AnnotatedType compiled, long seed, long size) {
        if (size < 1 || size > 1_000_000_000L) {
            throw new IllegalArgumentException("a synthetic collection holds 1 to 1,000,000,000 datapoints, got "
                    + size);
        }
        this.fields = Sentinel2Msi.Fields.of(new DatapointEncoder(compiled));
        this.seed = seed;
        this.size = size;
        this.quotient = (END - START) / size;
        this.remainder = (END - START) % size;
        this.jitter = Math.max(1, quotient / 2);
        for (int p = 0; p < 3; p++) {
            orbits[p] = new SunSynchronousOrbit(98.62, Sentinel2Msi.PERIOD_SECONDS, 10.5,
                    START / 1000.0 + Sentinel2Msi.PHASES[p] * Sentinel2Msi.PERIOD_SECONDS);
        }
    }

    /**
     * The dataset type of synthetic collections: the demo catalogue's Sentinel-2 MSI type.
     *
     * @return the kind and fields, as a CreateDataset request would carry them
     */
    public static DatasetType type() {
        return Sentinel2Msi.type();
    }

    /**
     * The number of datapoints.
     *
     * @return the collection's size
     */
    public long size() {
        return size;
    }

    /**
     * The time of a datapoint.
     *
     * @param index 0 to {@code size - 1}
     * @return its time in Unix milliseconds
     */
    public long timeMs(long index) {
        // index * (END - START) / size without overflow: index * remainder < size * size <= 10^18.
        long base = index * quotient + index * remainder / size;
        return START + base + Math.floorMod(mix(seed ^ 0x71EL, index), jitter);
    }

    /**
     * The first datapoint at or after a time, computed directly.
     *
     * @param timeMs a time in Unix milliseconds
     * @return its index, or {@code size} if every datapoint is earlier
     */
    public long firstIndexAtOrAfter(long timeMs) {
        if (timeMs <= START) {
            return 0;
        }
        long index = Math.clamp((long) ((timeMs - START) / (double) (END - START) * size), 0, size);
        while (index > 0 && timeMs(index - 1) >= timeMs) {
            index--;
        }
        while (index < size && timeMs(index) < timeMs) {
            index++;
        }
        return index;
    }

    /**
     * A datapoint, the same bytes for the same index every time. Thread-safe.
     *
     * @param index 0 to {@code size - 1}
     * @return the datapoint with its time and footprint
     */
    public CanonicalDatapoint datapoint(long index) {
        long time = timeMs(index);
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        int platform = (int) Math.floorMod(index, 3L);
        SunSynchronousOrbit orbit = orbits[platform];
        long orbitIndex = (long) StrictMath.floor((time / 1000.0 - orbit.firstNodeSeconds()) / orbit.periodSeconds());
        Pass pass = orbit.pass(orbitIndex);
        // Images continuously along the daytime (descending) half of every orbit, three tiles across the swath.
        double phase = (time / 1000.0 - pass.nodeSeconds()) / orbit.periodSeconds();
        double w = -Math.PI / 2 + Math.PI * phase;
        int column = (int) Math.floorMod(index / 3, 3L);
        LonLat centre = SphericalEarth.destination(orbit.at(pass, w), orbit.heading(pass, w) + 90,
                (column - 1) * Sentinel2Msi.STEP_KM);
        List<LonLat> square = SunSynchronousOrbit.square(centre, Sentinel2Msi.TILE_KM);
        if (square.isEmpty()) {
            double halfLon = StrictMath.toDegrees(Sentinel2Msi.TILE_KM / 2 / SphericalEarth.RADIUS_KM)
                    / StrictMath.cos(StrictMath.toRadians(centre.lat()));
            centre = new LonLat(Math.clamp(centre.lon(), -180 + halfLon + 1e-6, 180 - halfLon - 1e-6),
                    centre.lat());
            square = SunSynchronousOrbit.square(centre, Sentinel2Msi.TILE_KM);
        }
        long absoluteOrbit = FIRST_ORBITS[platform] + orbitIndex;
        String name = Sentinel2Msi.PLATFORMS[platform];
        long nodeMs = Math.round(pass.nodeSeconds() * 1000);
        Wkb wkb = WKB.get();
        Sentinel2Msi.Tile tile = new Sentinel2Msi.Tile(name, time, absoluteOrbit,
                Sentinel2Msi.relativeOrbit(absoluteOrbit), MgrsTile.of(centre), centre, wkb.point(centre),
                wkb.footprint(square), "G" + name + "_" + DemoFormats.compact(nodeMs) + "_"
                        + DemoFormats.digits(absoluteOrbit, 6) + "_N05.11",
                100 * StrictMath.pow(random.nextDouble(), 1.6));
        return Sentinel2Msi.encode(fields, tile, random.nextBoolean(), random);
    }

    /** A well-spread 64-bit value of a seed and an index. */
    private static long mix(long seed, long index) {
        long z = seed + index * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
