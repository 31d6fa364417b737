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
import dev.skyloom.wire.datasets.v1.ObservationDirection;
import dev.skyloom.wire.datasets.v1.Polarization;
import dev.skyloom.wire.datasets.v1.ProcessingLevel;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo {@code open_data.copernicus.sentinel1_sar}: five days of Sentinel-1A slices (25 s each) on its dawn-dusk
 * orbit, ascending and descending. Interferometric wide swath (IW) over land yields a raw, an SLC and a GRDH product
 * per slice; extra wide swath (EW) over polar land and, every third orbit, polar seas yields a GRDM product.
 */
final class Sentinel1Sar {

    static final String CODE_NAME = "sentinel1_sar";
    static final UUID ID = DemoFormats.nameUuid("open_data.copernicus." + CODE_NAME);
    static final long START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long END = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
    static final List<String> COLLECTIONS = List.of("S1A_IW_RAW__0S", "S1A_IW_SLC__1S", "S1A_IW_GRDH_1S",
            "S1A_EW_GRDM_1S");

    private static final double PERIOD_SECONDS = 12 * 86_400.0 / 175;
    private static final double SLICE_SECONDS = 25.0;
    private static final long FIRST_ORBIT = 57_180;
    /** Per collection: product type, processing level digit, resolution (m), typical size and spread (bytes). */
    private static final String[] PRODUCT = {"RAW_", "SLC_", "GRDH", "GRDM"};
    private static final long[] RESOLUTION = {0, 5, 10, 40};
    private static final long[] SIZE = {1_550_000_000L, 3_800_000_000L, 900_000_000L, 200_000_000L};
    private static final long[] SPREAD = {150_000_000L, 800_000_000L, 800_000_000L, 150_000_000L};

    private final UUID[] collections;
    private final DatapointEncoder encoder;
    private final Wkb wkb = new Wkb();
    private final CollectionBatches batches;
    private final SplittableRandom random;
    private long datatake;

    private Sentinel1Sar(UUID[] collections, DatapointEncoder encoder, CollectionBatches batches,
                         SplittableRandom random) {
        this.collections = collections;
        this.encoder = encoder;
        this.batches = batches;
        this.random = random;
        this.datatake = 0x070A00L + random.nextLong(0x100);
    }

    static DatasetType type() {
        return DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL).addAllFields(List.of(
                DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Name of the SAFE product",
                        "S1A_IW_GRDH_1SDV_20250101T001234_20250101T001259_057180_070A3C_1F2E.SAFE"),
                DatasetFields.enumField("processing_level", DatasetFields.PROCESSING_LEVEL, false,
                        "Processing level of the product", "L1"),
                DatasetFields.field("product_type", Type.TYPE_STRING, false, "Product type", "IW_GRDH_1S"),
                DatasetFields.messageField("copernicus_id", DatasetFields.UUID, false,
                        "Product id in the Copernicus Data Space catalogue", ""),
                DatasetFields.field("platform", Type.TYPE_STRING, false, "Satellite that acquired the data", "S1A"),
                DatasetFields.field("orbit_number", Type.TYPE_INT64, false, "Absolute orbit number", "57180"),
                DatasetFields.field("relative_orbit_number", Type.TYPE_INT64, false,
                        "Relative orbit number within the 175-orbit repeat cycle", "12"),
                DatasetFields.messageField("stop_time", DatasetFields.TIMESTAMP, false, "End of the slice", ""),
                DatasetFields.messageField("centroid", DatasetFields.GEOMETRY, false, "Centre of the footprint", ""),
                DatasetFields.enumField("flight_direction", DatasetFields.FLIGHT_DIRECTION, false,
                        "Ascending or descending pass", "ASCENDING"),
                DatasetFields.enumField("observation_direction", DatasetFields.OBSERVATION_DIRECTION, false,
                        "Side the radar looks to", "RIGHT"),
                DatasetFields.enumField("acquisition_mode", DatasetFields.ACQUISITION_MODE, false,
                        "Beam mode of the acquisition", "IW"),
                DatasetFields.enumField("polarization", DatasetFields.POLARIZATION, false,
                        "Transmit/receive polarisations", "VV_VH"),
                DatasetFields.field("mission_datatake_id", Type.TYPE_INT64, false,
                        "Identifier of the datatake the slice belongs to", "461372"),
                DatasetFields.field("slice_number", Type.TYPE_INT64, false, "Position of the slice in its datatake",
                        "3"),
                DatasetFields.field("product_unique_id", Type.TYPE_STRING, false, "Product discriminator", "1F2E"),
                DatasetFields.field("resolution", Type.TYPE_INT64, false, "Pixel spacing in metres", "10"),
                DatasetFields.messageField("published", DatasetFields.TIMESTAMP, false,
                        "When the product was published", ""),
                DatasetFields.messageField("updated", DatasetFields.TIMESTAMP, false,
                        "When the product metadata last changed", ""),
                DatasetFields.field("location", Type.TYPE_STRING, false, "Path of the product in the archive", ""),
                DatasetFields.field("file_size", Type.TYPE_INT64, false, "Size of the product in bytes",
                        "1689214023"),
                DatasetFields.field("thumbnail", Type.TYPE_STRING, false, "URL of a quick-look image (GRD only)",
                        ""))).build();
    }

    /** Declares the dataset and its collections; returns the one part that writes every slice. */
    static List<Runnable> writeTo(DemoSink sink, UUID groupId, long seed) {
        DatasetType type = type();
        sink.dataset(ID, groupId, CODE_NAME, "Sentinel-1 SAR", "Sentinel-1 C-band SAR slices: raw, SLC and GRD",
                "Slices of the C-band synthetic aperture radar of Sentinel-1, in interferometric wide swath and "
                        + "extra wide swath modes, as raw (level 0), single look complex and ground range detected "
                        + "(level 1) products.", type);
        UUID[] collections = DemoFormats.collections(sink, ID, CODE_NAME, COLLECTIONS);
        DatapointEncoder encoder = new DatapointEncoder(DatasetTypeCompiler.compile(groupId, CODE_NAME, type));
        // One part: datatake ids count up across passes.
        return List.of(() -> {
            CollectionBatches batches = new CollectionBatches(sink);
            Sentinel1Sar generator = new Sentinel1Sar(collections, encoder, batches,
                    new SplittableRandom(seed ^ 0x51AL));
            SunSynchronousOrbit orbit = new SunSynchronousOrbit(98.18, PERIOD_SECONDS, 6.0,
                    START / 1000.0 + 1234.5);
            for (long k = -1; (orbit.pass(k).nodeSeconds() - PERIOD_SECONDS / 4) * 1000 < END; k++) {
                generator.writePass(orbit, orbit.pass(k), FIRST_ORBIT + k);
            }
            batches.flush();
        });
    }

    private void writePass(SunSynchronousOrbit orbit, Pass pass, long absoluteOrbit) {
        double step = 2 * Math.PI * SLICE_SECONDS / PERIOD_SECONDS;
        int previousMode = -1;
        int sliceNumber = 0;
        for (double w = -Math.PI / 2; w < 1.5 * Math.PI; w += step) {
            long start = Math.round((pass.nodeSeconds() + orbit.secondsAt(w) - SLICE_SECONDS / 2) * 1000);
            LonLat centre = SphericalEarth.destination(orbit.at(pass, w), orbit.heading(pass, w) + 90, 395);
            boolean polar = centre.lat() > 72 || centre.lat() < -60;
            boolean land = LandMask.isLand(centre);
            int mode = !polar && land ? 0 : polar && (land || absoluteOrbit % 3 == 0) ? 1 : -1;
            if (mode != previousMode) {
                sliceNumber = 0;
                datatake++;
                previousMode = mode;
            }
            if (mode < 0 || start < START || start >= END) {
                continue;
            }
            List<LonLat> swath = mode == 0 ? orbit.swathQuad(pass, w, 172, 270, 520)
                    : orbit.swathQuad(pass, w, 172, 160, 570);
            if (swath.isEmpty()) {
                continue;
            }
            sliceNumber++;
            Slice slice = new Slice(start, absoluteOrbit, w > Math.PI / 2, mode == 1, centre, wkb.footprint(swath),
                    datatake, sliceNumber);
            if (mode == 0) {
                for (int c = 0; c < 3; c++) {
                    batches.add(collections[c], encode(slice, c));
                }
            } else {
                batches.add(collections[3], encode(slice, 3));
            }
        }
    }

    /** One slice of one datatake, encoded once per product. */
    private record Slice(long start, long absoluteOrbit, boolean ascending, boolean extraWide, LonLat centre,
                         Wkb.Footprint footprint, long datatake, int number) {
    }

    private CanonicalDatapoint encode(Slice slice, int product) {
        String mode = slice.extraWide() ? "EW" : "IW";
        long level = product == 0 ? 0 : 1;
        long stop = slice.start() + 25_000L + product * 700L;
        String productType = mode + "_" + PRODUCT[product] + "_" + level + "S";
        String uid = DemoFormats.hex(random.nextInt(0x10000), 4);
        String granule = "S1A_" + mode + "_" + PRODUCT[product] + "_" + level + "S"
                + (slice.extraWide() ? "DH" : "DV") + "_" + DemoFormats.compact(slice.start()) + "_"
                + DemoFormats.compact(stop) + "_" + DemoFormats.digits(slice.absoluteOrbit(), 6) + "_"
                + DemoFormats.hex(slice.datatake(), 6) + "_" + uid + ".SAFE";
        String folder = product == 0 ? "RAW" : product == 1 ? "SLC" : "GRD";
        String path = "/Sentinel-1/SAR/" + folder + "/" + DemoFormats.pathDate(slice.start()) + "/" + granule;
        long published = slice.start() + 40 * 60_000L + random.nextLong(80 * 60_000L);
        DatapointEncoder.Datapoint datapoint = encoder.datapoint(slice.start())
                .footprint(slice.footprint())
                .text("granule_name", granule)
                .enumValue("processing_level", level == 0 ? ProcessingLevel.PROCESSING_LEVEL_L0
                        : ProcessingLevel.PROCESSING_LEVEL_L1)
                .text("product_type", productType)
                .uuid("copernicus_id", DemoFormats.randomUuid(random))
                .text("platform", "S1A")
                .integer("orbit_number", slice.absoluteOrbit())
                .integer("relative_orbit_number", Math.floorMod(slice.absoluteOrbit() - 73, 175) + 1)
                .time("stop_time", stop)
                .geometry("centroid", wkb.point(slice.centre()))
                .enumValue("flight_direction", slice.ascending() ? FlightDirection.FLIGHT_DIRECTION_ASCENDING
                        : FlightDirection.FLIGHT_DIRECTION_DESCENDING)
                .enumValue("observation_direction", ObservationDirection.OBSERVATION_DIRECTION_RIGHT)
                .enumValue("acquisition_mode", slice.extraWide() ? AcquisitionMode.ACQUISITION_MODE_EW
                        : AcquisitionMode.ACQUISITION_MODE_IW)
                .enumValue("polarization", slice.extraWide() ? Polarization.POLARIZATION_HH_HV
                        : Polarization.POLARIZATION_VV_VH)
                .integer("mission_datatake_id", slice.datatake())
                .integer("slice_number", slice.number())
                .text("product_unique_id", uid)
                .integer("resolution", RESOLUTION[product])
                .time("published", published)
                .time("updated", published + 30_000L + random.nextLong(300_000L))
                .text("location", "/eodata" + path)
                .integer("file_size", SIZE[product] + random.nextLong(SPREAD[product]));
        if (product >= 2) {
            datapoint.text("thumbnail", "https://catalogue.dataspace.copernicus.eu/get-object?path=" + path
                    + "/preview/quick-look.png");
        }
        return datapoint.toDatapoint();
    }
}
