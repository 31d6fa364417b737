package dev.skyloom.local.demo;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.skyloom.local.demo.LandsatPlan.Scene;
import dev.skyloom.local.demo.SphericalEarth.LonLat;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.FlightDirection;
import dev.skyloom.wire.datasets.v1.ProcessingLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo {@code open_data.copernicus.landsat8_oli_tirs}: Landsat 8 WRS-2 scenes (185 km, one every ~24 s along a
 * path) from 2019-12-10 to 2021-01-22, with 2020 holding exactly the counts of the Tilebox documentation's example
 * (see {@link LandsatPlan}).
 */
final class Landsat8OliTirs {

    static final String CODE_NAME = "landsat8_oli_tirs";
    static final UUID ID = DemoFormats.nameUuid("open_data.copernicus." + CODE_NAME);
    static final long START = Instant.parse("2019-12-10T00:00:00Z").toEpochMilli();
    static final long END = Instant.parse("2021-01-22T00:00:00Z").toEpochMilli();
    static final List<String> COLLECTIONS = List.of("L1GT", "L1T", "L1TP", "L2SP");
    /** The runs of scenes encoded in parallel. */
    static final int CHUNKS = 16;

    /** 233 paths in 16 days; the descending node at 10:12 local time. */
    private static final double PERIOD_SECONDS = 16 * 86_400.0 / 233;
    private static final double NODE_LOCAL_HOURS = 10.2;
    /** WRS-2 path 1 crosses the equator at 64.6 degrees west; paths are numbered westwards. */
    private static final double PATH_1_LON = -64.6;

    private Landsat8OliTirs() {
    }

    static DatasetType type() {
        return DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL).addAllFields(List.of(
                DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Landsat product identifier",
                        "LC08_L1TP_044034_20200101_20200113_02_T1"),
                DatasetFields.enumField("processing_level", DatasetFields.PROCESSING_LEVEL, false,
                        "Processing level of the product", "L1"),
                DatasetFields.field("satellite", Type.TYPE_STRING, false, "Satellite", "LANDSAT_8"),
                DatasetFields.field("product_type", Type.TYPE_STRING, false, "Product type", "L1TP"),
                DatasetFields.messageField("copernicus_id", DatasetFields.UUID, false,
                        "Product id in the Copernicus Data Space catalogue", ""),
                DatasetFields.field("online", Type.TYPE_BOOL, false, "Whether the product can be downloaded now",
                        "true"),
                DatasetFields.field("resolution", Type.TYPE_INT64, false, "Spatial resolution in metres", "30"),
                DatasetFields.field("bands", Type.TYPE_INT64, false, "Number of spectral bands in the product", "11"),
                DatasetFields.queryable(DatasetFields.field("path", Type.TYPE_INT64, false, "WRS-2 path", "44")),
                DatasetFields.queryable(DatasetFields.field("row", Type.TYPE_INT64, false, "WRS-2 row", "34")),
                DatasetFields.field("sun_azimuth", Type.TYPE_DOUBLE, false,
                        "Sun azimuth at the scene centre in degrees", "152.3"),
                DatasetFields.field("sun_elevation", Type.TYPE_DOUBLE, false,
                        "Sun elevation at the scene centre in degrees", "27.8"),
                DatasetFields.queryable(DatasetFields.field("cloud_cover", Type.TYPE_DOUBLE, false,
                        "Cloudy share of the scene in percent", "12.41")),
                DatasetFields.field("cloud_cover_land", Type.TYPE_DOUBLE, false,
                        "Cloudy share of the scene's land in percent", "10.96"),
                DatasetFields.field("collection_category", Type.TYPE_STRING, false, "Tier of the product", "T1"),
                DatasetFields.field("collection_number", Type.TYPE_INT64, false, "Landsat collection", "2"),
                DatasetFields.field("scene_id", Type.TYPE_STRING, false, "Landsat scene identifier",
                        "LC80440342020001LGN00"),
                DatasetFields.field("ground_station", Type.TYPE_STRING, false, "Station that received the data",
                        "LGN"),
                DatasetFields.messageField("processing_date", DatasetFields.TIMESTAMP, false,
                        "When the product was processed", ""),
                DatasetFields.enumField("flight_direction", DatasetFields.FLIGHT_DIRECTION, false,
                        "Direction of the satellite over the scene", "DESCENDING"),
                DatasetFields.field("location", Type.TYPE_STRING, false, "Path of the product in the archive", ""),
                DatasetFields.field("thumbnail", Type.TYPE_STRING, false, "URL of a browse image", ""),
                DatasetFields.field("file_size", Type.TYPE_INT64, false, "Size of the product in bytes",
                        "912384512"))).build();
    }

    /**
     * Declares the dataset and its collections; returns the part that plans the scenes and forks, on {@code parts},
     * the parts that encode them: {@value #CHUNKS} runs of scenes (each scene draws from its own random generator, so
     * the runs are independent).
     */
    static List<Runnable> writeTo(DemoSink sink, UUID groupId, long seed, Parts parts) {
        DatasetType type = type();
        sink.dataset(ID, groupId, CODE_NAME, "Landsat 8 OLI/TIRS", "Landsat 8 scenes: level-1 and level-2 products",
                "Scenes of the Operational Land Imager and Thermal Infrared Sensor of Landsat 8 on the WRS-2 grid, "
                        + "as level-1 (L1TP, L1GT, L1T) and level-2 surface reflectance and temperature (L2SP) "
                        + "products.", type);
        UUID[] collections = DemoFormats.collections(sink, ID, CODE_NAME, COLLECTIONS);
        DatapointEncoder encoder = new DatapointEncoder(DatasetTypeCompiler.compile(groupId, CODE_NAME, type));
        SunSynchronousOrbit orbit = orbit();
        return List.of(() -> {
            LandsatPlan plan = LandsatPlan.of(orbit, START, END, seed);
            int chunk = Math.ceilDiv(plan.size(), CHUNKS);
            for (int from = 0; from < plan.size(); from += chunk) {
                int first = from;
                int end = Math.min(plan.size(), from + chunk);
                parts.fork(() -> writeScenes(sink, collections, plan, first, end, encoder, seed));
            }
        });
    }

    private static void writeScenes(DemoSink sink, UUID[] collections, LandsatPlan plan, int first, int end,
                                    DatapointEncoder encoder, long seed) {
        Wkb wkb = new Wkb();
        Fields fields = Fields.of(encoder);
        CollectionBatches batches = new CollectionBatches(sink);
        for (int i = first; i < end; i++) {
            int category = plan.category(i);
            if (category < 0) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed ^ 0x1C8L ^ i * 0x9E37_79B9_7F4A_7C15L);
            Scene scene = plan.scene(i);
            Wkb.Footprint footprint = wkb.footprint(plan.footprint(i));
            int path = path(scene.pass());
            batches.add(collections[category], encode(scene, category, path, footprint, encoder, fields, random));
            if (plan.hasL2sp(i)) {
                batches.add(collections[3], encode(scene, 3, path, footprint, encoder, fields, random));
            }
        }
        batches.flush();
    }

    static SunSynchronousOrbit orbit() {
        double firstNode = Instant.parse("2019-12-01T00:00:00Z").getEpochSecond()
                + 3600 * (NODE_LOCAL_HOURS - PATH_1_LON / 15.0);
        return new SunSynchronousOrbit(98.2, PERIOD_SECONDS, NODE_LOCAL_HOURS, firstNode);
    }

    /** The WRS-2 path of a pass, from the longitude of its descending node. */
    static int path(SunSynchronousOrbit.Pass pass) {
        return Math.floorMod(Math.round((PATH_1_LON - pass.nodeLon()) * 233 / 360.0), 233) + 1;
    }

    /** The slots of the fields a scene sets, looked up once per encoder. */
    private record Fields(int granule, int level, int satellite, int productType, int copernicusId, int online,
                          int resolution, int bands, int path, int row, int sunAzimuth, int sunElevation,
                          int cloudCover, int cloudCoverLand, int category, int collectionNumber, int sceneId,
                          int station, int processed, int direction, int location, int thumbnail, int fileSize) {

        static Fields of(DatapointEncoder encoder) {
            return new Fields(encoder.slot("granule_name"), encoder.slot("processing_level"),
                    encoder.slot("satellite"), encoder.slot("product_type"), encoder.slot("copernicus_id"),
                    encoder.slot("online"), encoder.slot("resolution"), encoder.slot("bands"), encoder.slot("path"),
                    encoder.slot("row"), encoder.slot("sun_azimuth"), encoder.slot("sun_elevation"),
                    encoder.slot("cloud_cover"), encoder.slot("cloud_cover_land"),
                    encoder.slot("collection_category"), encoder.slot("collection_number"),
                    encoder.slot("scene_id"), encoder.slot("ground_station"), encoder.slot("processing_date"),
                    encoder.slot("flight_direction"), encoder.slot("location"), encoder.slot("thumbnail"),
                    encoder.slot("file_size"));
        }
    }

    private static CanonicalDatapoint encode(Scene scene, int product, int path, Wkb.Footprint footprint,
                                             DatapointEncoder encoder, Fields f, SplittableRandom random) {
        String productType = COLLECTIONS.get(product);
        boolean legacy = product == LandsatPlan.L1T;
        String tier = product == LandsatPlan.L1GT || scene.cloudCover() > 85 ? "T2" : "T1";
        long processed = scene.time() + (product == 3 ? 14 : 9) * 86_400_000L + random.nextLong(5 * 86_400_000L);
        String pathRow = DemoFormats.digits(path, 3) + DemoFormats.digits(scene.row(), 3);
        String granule = new StringBuilder(40).append("LC08_").append(productType).append('_').append(pathRow)
                .append('_').append(DemoFormats.date(scene.time())).append('_').append(DemoFormats.date(processed))
                .append(legacy ? "_01_" : "_02_").append(tier).toString();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(scene.time(), 86_400_000L));
        String station = station(scene.centre());
        String sceneId = new StringBuilder(21).append("LC8").append(pathRow).append(day.getYear())
                .append(DemoFormats.digits(day.getDayOfYear(), 3)).append(station).append("00").toString();
        double[] sun = SphericalEarth.sun(scene.centre(), scene.time() / 1000.0);
        double landCloud = Math.clamp(scene.cloudCover() + 8 * (random.nextDouble() - 0.5), 0.0, 100.0);
        return encoder.datapoint(scene.time())
                .footprint(footprint)
                .text(f.granule(), granule)
                .enumValue(f.level(), product == 3 ? ProcessingLevel.PROCESSING_LEVEL_L2
                        : ProcessingLevel.PROCESSING_LEVEL_L1)
                .text(f.satellite(), "LANDSAT_8")
                .text(f.productType(), productType)
                .uuid(f.copernicusId(), DemoFormats.randomUuid(random))
                .flag(f.online(), !legacy)
                .integer(f.resolution(), 30)
                .integer(f.bands(), product == 3 ? 10 : 11)
                .integer(f.path(), path)
                .integer(f.row(), scene.row())
                .real(f.sunAzimuth(), round2(sun[1]))
                .real(f.sunElevation(), round2(sun[0]))
                .real(f.cloudCover(), scene.cloudCover())
                .real(f.cloudCoverLand(), round2(landCloud))
                .text(f.category(), tier)
                .integer(f.collectionNumber(), legacy ? 1 : 2)
                .text(f.sceneId(), sceneId)
                .text(f.station(), station)
                .time(f.processed(), processed)
                .enumValue(f.direction(), FlightDirection.FLIGHT_DIRECTION_DESCENDING)
                .text(f.location(), "/eodata/Landsat-8/OLI_TIRS/" + productType + "/"
                        + DemoFormats.pathDate(scene.time()) + "/" + granule)
                .text(f.thumbnail(), "https://landsatlook.usgs.gov/gen-browse?size=rrb&type=refl&product_id="
                        .concat(granule))
                .integer(f.fileSize(), (product == 3 ? 850_000_000L : 750_000_000L) + random.nextLong(300_000_000L))
                .toDatapoint();
    }

    /** A plausible receiving station for a scene: Svalbard near the poles, otherwise by continent. */
    private static String station(LonLat centre) {
        if (StrictMath.abs(centre.lat()) > 65) {
            return "SG1";
        }
        if (centre.lon() < -30) {
            return "LGN";
        }
        if (centre.lon() < 60) {
            return "MTI";
        }
        return centre.lat() < -10 ? "ASA" : "BJC";
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
