package dev.skyloom.local.demo;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.skyloom.local.demo.SphericalEarth.LonLat;
import dev.skyloom.local.demo.SunSynchronousOrbit.Pass;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AcquisitionMode;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.FlightDirection;
import dev.skyloom.wire.datasets.v1.ProcessingLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo {@code open_data.copernicus.sentinel2_msi}: the observed Sentinel-2 MSI type, and two days of L1C and L2A
 * tiles of Sentinel-2A, -2B and -2C over land, along their 10:30 descending ground tracks (three 110 km tiles across
 * the 290 km swath, one every 100 km along it).
 */
final class Sentinel2Msi {

    static final UUID ID = UUID.fromString("34d7b08b-8a27-4b40-819b-b11c6189695a");
    static final String CODE_NAME = "sentinel2_msi";
    static final long START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long END = Instant.parse("2025-01-03T00:00:00Z").toEpochMilli();

    private static final UUID S2B_L1C_ID = UUID.fromString("9b92c84f-5e2f-4d4a-9278-1ce96cedb970");
    static final double PERIOD_SECONDS = 10 * 86_400.0 / 143;
    static final double STEP_KM = 100.0;
    static final double TILE_KM = 109.8;
    static final String[] PLATFORMS = {"S2A", "S2B", "S2C"};
    /** Absolute orbit numbers at {@link #START}, and the phase of each satellite along the shared track. */
    private static final long[] FIRST_ORBITS = {49_870, 40_853, 1_866};
    static final double[] PHASES = {0.25, 0.0, 0.5};

    private final Fields fields;
    private final Wkb wkb = new Wkb();
    private final CollectionBatches batches;
    private final SplittableRandom random;

    private Sentinel2Msi(Fields fields, CollectionBatches batches, SplittableRandom random) {
        this.fields = fields;
        this.batches = batches;
        this.random = random;
    }

    static DatasetType type() {
        return DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL).addAllFields(List.of(
                DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Name of the granule (SAFE product)",
                        "S2B_MSIL1C_20250101T000019_N0511_R073_T57QWV_20250101T010340.SAFE"),
                DatasetFields.enumField("processing_level", DatasetFields.PROCESSING_LEVEL, false,
                        "Processing level of the product", "L1C"),
                DatasetFields.field("product_type", Type.TYPE_STRING, false, "Product type", "S2MSI1C"),
                DatasetFields.messageField("copernicus_id", DatasetFields.UUID, false,
                        "Product id in the Copernicus Data Space catalogue", "c8b89388-2b0f-456d-9979-22717e812ca3"),
                DatasetFields.queryable(DatasetFields.field("platform", Type.TYPE_STRING, false,
                        "Satellite that acquired the data", "S2C")),
                DatasetFields.field("orbit_number", Type.TYPE_INT64, false, "Absolute orbit number", "40854"),
                DatasetFields.field("relative_orbit_number", Type.TYPE_INT64, false,
                        "Relative orbit number within the 143-orbit repeat cycle", "73"),
                DatasetFields.field("processing_baseline", Type.TYPE_DOUBLE, false,
                        "Version of the processing baseline", "5.11"),
                DatasetFields.messageField("stop_time", DatasetFields.TIMESTAMP, false, "End of the sensing period",
                        "2025-01-01T00:00:19.024Z"),
                DatasetFields.messageField("centroid", DatasetFields.GEOMETRY, false, "Centre of the footprint",
                        "POINT (159.5 18.6)"),
                DatasetFields.messageField("published", DatasetFields.TIMESTAMP, false,
                        "When the product was published", "2025-01-01T01:23:14.147545Z"),
                DatasetFields.messageField("updated", DatasetFields.TIMESTAMP, false,
                        "When the product metadata last changed", "2025-01-01T01:25:19.535796Z"),
                DatasetFields.field("location", Type.TYPE_STRING, false, "Path of the product in the archive",
                        "/eodata/Sentinel-2/MSI/L1C/2025/01/01/<granule_name>"),
                DatasetFields.field("file_size", Type.TYPE_INT64, false, "Size of the product in bytes", "670492469"),
                DatasetFields.field("thumbnail", Type.TYPE_STRING, false, "URL of a quick-look image", ""),
                DatasetFields.queryable(DatasetFields.field("cloud_cover", Type.TYPE_DOUBLE, false,
                        "Cloudy share of the tile in percent", "22.45")),
                DatasetFields.field("resolution", Type.TYPE_INT64, false, "Spatial resolution in metres", "0"),
                DatasetFields.enumField("flight_direction", DatasetFields.FLIGHT_DIRECTION, false,
                        "Direction of the satellite over the tile", "DESCENDING"),
                DatasetFields.enumField("acquisition_mode", DatasetFields.ACQUISITION_MODE, false,
                        "Instrument mode during the acquisition", "NOBS"),
                DatasetFields.field("mission_take_id", Type.TYPE_STRING, false, "Identifier of the datatake",
                        "GS2B_20250101T000019_040854_N05.11"))).build();
    }

    /** Declares the dataset and its collections; returns one part per platform, which writes its tiles. */
    static List<Runnable> writeTo(DemoSink sink, UUID groupId, long seed) {
        DatasetType type = type();
        sink.dataset(ID, groupId, CODE_NAME, "Sentinel-2 MSI",
                "Sentinel-2 multispectral imager tiles, L1C and L2A",
                "Tiles of 110 x 110 km from the MultiSpectral Instrument of the Sentinel-2 satellites, as level-1C "
                        + "top-of-atmosphere and level-2A bottom-of-atmosphere reflectance products.", type);
        UUID[][] collections = new UUID[PLATFORMS.length][2];
        for (int s = 0; s < PLATFORMS.length; s++) {
            for (int level = 0; level < 2; level++) {
                String name = PLATFORMS[s] + "_S2MSI" + (level == 0 ? "1C" : "2A");
                collections[s][level] = name.equals("S2B_S2MSI1C") ? S2B_L1C_ID
                        : DemoFormats.nameUuid(CODE_NAME + "." + name);
                sink.collection(collections[s][level], ID, name);
            }
        }
        Fields fields = Fields.of(new DatapointEncoder(DatasetTypeCompiler.compile(groupId, CODE_NAME, type)));
        List<Runnable> parts = new ArrayList<>();
        for (int s = 0; s < PLATFORMS.length; s++) {
            int platform = s;
            parts.add(() -> {
                CollectionBatches batches = new CollectionBatches(sink);
                Sentinel2Msi generator = new Sentinel2Msi(fields, batches,
                        new SplittableRandom(seed ^ 0x5E2L ^ (platform + 1) * 0x9E37_79B9_7F4A_7C15L));
                SunSynchronousOrbit orbit = new SunSynchronousOrbit(98.62, PERIOD_SECONDS, 10.5,
                        START / 1000.0 + PHASES[platform] * PERIOD_SECONDS);
                for (long k = -1; (orbit.pass(k).nodeSeconds() - PERIOD_SECONDS / 4) * 1000 < END; k++) {
                    generator.writePass(orbit, orbit.pass(k), PLATFORMS[platform], FIRST_ORBITS[platform] + k,
                            collections[platform]);
                }
                batches.flush();
            });
        }
        return parts;
    }

    private void writePass(SunSynchronousOrbit orbit, Pass pass, String platform, long absoluteOrbit,
                           UUID[] collections) {
        long relativeOrbit = relativeOrbit(absoluteOrbit);
        double step = SunSynchronousOrbit.angleFor(STEP_KM);
        String datatake = null;
        for (double w = -Math.PI / 2 + step; w < Math.PI / 2 - step; w += step) {
            for (int column = 0; column < 3; column++) {
                double wc = w + column * step / 3;
                long time = (long) StrictMath.floor(pass.nodeSeconds() + orbit.secondsAt(wc)) * 1000 + 24;
                if (time < START || time >= END) {
                    continue;
                }
                LonLat centre = SphericalEarth.destination(orbit.at(pass, wc), orbit.heading(pass, wc) + 90,
                        (column - 1) * STEP_KM);
                if (centre.lat() < -56 || centre.lat() > 83 || !LandMask.isLand(centre)
                        || SphericalEarth.sunElevation(centre, time / 1000.0) < 0) {
                    continue;
                }
                List<LonLat> square = SunSynchronousOrbit.square(centre, TILE_KM);
                if (square.isEmpty()) {
                    continue;
                }
                if (datatake == null) {
                    datatake = "G" + platform + "_" + DemoFormats.compact(time) + "_"
                            + DemoFormats.digits(absoluteOrbit, 6) + "_N05.11";
                }
                Tile tile = new Tile(platform, time, absoluteOrbit, relativeOrbit, MgrsTile.of(centre), centre,
                        wkb.point(centre), wkb.footprint(square), datatake,
                        100 * StrictMath.pow(random.nextDouble(), 1.6));
                batches.add(collections[0], encode(fields, tile, false, random));
                batches.add(collections[1], encode(fields, tile, true, random));
            }
        }
    }

    /** The relative orbit (1..143, the repeat cycle) of an absolute orbit. */
    static long relativeOrbit(long absoluteOrbit) {
        return Math.floorMod(absoluteOrbit - 40_854 + 72, 143) + 1;
    }

    /** One tile of one pass, encoded once per processing level. */
    record Tile(String platform, long time, long absoluteOrbit, long relativeOrbit, String tileId,
                        LonLat centre, byte[] centroid, Wkb.Footprint footprint, String datatake,
                        double cloudCover) {
    }

    /** An encoder of this type and the slots of the fields a tile sets, looked up once. */
    record Fields(DatapointEncoder encoder, int granule, int level, int productType, int copernicusId, int platform,
                  int orbit, int relativeOrbit, int baseline, int stopTime, int centroid, int published, int updated,
                  int location, int fileSize, int thumbnail, int cloudCover, int resolution, int direction,
                  int mode, int datatake) {

        static Fields of(DatapointEncoder encoder) {
            return new Fields(encoder, encoder.slot("granule_name"), encoder.slot("processing_level"),
                    encoder.slot("product_type"), encoder.slot("copernicus_id"), encoder.slot("platform"),
                    encoder.slot("orbit_number"), encoder.slot("relative_orbit_number"),
                    encoder.slot("processing_baseline"), encoder.slot("stop_time"), encoder.slot("centroid"),
                    encoder.slot("published"), encoder.slot("updated"), encoder.slot("location"),
                    encoder.slot("file_size"), encoder.slot("thumbnail"), encoder.slot("cloud_cover"),
                    encoder.slot("resolution"), encoder.slot("flight_direction"), encoder.slot("acquisition_mode"),
                    encoder.slot("mission_take_id"));
        }
    }

    /** A tile's product of one level, its varying values (publication, size, product id) drawn from {@code random}. */
    static CanonicalDatapoint encode(Fields f, Tile tile, boolean l2a, SplittableRandom random) {
        String level = l2a ? "L2A" : "L1C";
        long published = tile.time() + (l2a ? 95 : 70) * 60_000L + random.nextLong(30 * 60_000L);
        String stem = tile.platform() + "_MSI" + level + "_" + DemoFormats.compact(tile.time()) + "_N0511_R"
                + DemoFormats.digits(tile.relativeOrbit(), 3) + "_T" + tile.tileId() + "_"
                + DemoFormats.compact(published - 20 * 60_000L);
        String granule = stem + ".SAFE";
        String path = "/Sentinel-2/MSI/" + level + "/" + DemoFormats.pathDate(tile.time()) + "/" + granule;
        long size = l2a ? 500_000_000L + random.nextLong(700_000_000L)
                : 300_000_000L + random.nextLong(550_000_000L);
        return f.encoder().datapoint(tile.time())
                .footprint(tile.footprint())
                .text(f.granule(), granule)
                .enumValue(f.level(), l2a ? ProcessingLevel.PROCESSING_LEVEL_L2A
                        : ProcessingLevel.PROCESSING_LEVEL_L1C)
                .text(f.productType(), l2a ? "S2MSI2A" : "S2MSI1C")
                .uuid(f.copernicusId(), DemoFormats.randomUuid(random))
                .text(f.platform(), tile.platform())
                .integer(f.orbit(), tile.absoluteOrbit())
                .integer(f.relativeOrbit(), tile.relativeOrbit())
                .real(f.baseline(), 5.11)
                .time(f.stopTime(), tile.time())
                .geometry(f.centroid(), tile.centroid())
                .time(f.published(), published)
                .time(f.updated(), published + 60_000L + random.nextLong(120_000L))
                .text(f.location(), "/eodata" + path)
                .integer(f.fileSize(), size)
                .text(f.thumbnail(), "https://catalogue.dataspace.copernicus.eu/get-object?path=" + path + "/"
                        + stem + "-ql.jpg")
                .real(f.cloudCover(), l2a ? Math.min(100.0, tile.cloudCover() * 1.02) : tile.cloudCover())
                .integer(f.resolution(), 0)
                .enumValue(f.direction(), l2a ? FlightDirection.FLIGHT_DIRECTION_DESCENDING
                        : FlightDirection.FLIGHT_DIRECTION_UNSPECIFIED)
                .enumValue(f.mode(), AcquisitionMode.ACQUISITION_MODE_NOBS)
                .text(f.datatake(), tile.datatake())
                .toDatapoint();
    }
}
