package dev.skyloom.local.demo;

import java.util.List;
import java.util.UUID;

/**
 * The demo catalogue of the local server: a deterministic copy of a slice of the Tilebox open-data catalogue.
 *
 * <ul>
 *   <li>groups {@code open_data} (root) and {@code copernicus}, with the real service's ids;</li>
 *   <li>{@code open_data.copernicus.sentinel2_msi}: the real dataset id and datapoint type, collections
 *       {@code S2A|S2B|S2C_S2MSI1C|2A}, two days of tiles from 2025-01-01;</li>
 *   <li>{@code open_data.copernicus.sentinel1_sar}: collections {@code S1A_IW_RAW__0S}, {@code S1A_IW_SLC__1S},
 *       {@code S1A_IW_GRDH_1S}, {@code S1A_EW_GRDM_1S}, five days of slices from 2025-01-01;</li>
 *   <li>{@code open_data.copernicus.landsat8_oli_tirs}: collections {@code L1GT}, {@code L1T}, {@code L1TP},
 *       {@code L2SP} from 2019-12-10 to 2021-01-22, with exactly 19,624, 1,281, 65,313 and 25,375 datapoints in
 *       2020.</li>
 * </ul>
 * Footprints follow sun-synchronous ground tracks over land. The same seed always produces the same calls with the
 * same bytes.
 */
public final class DemoCatalog {

    /** The seed of the catalogue the local server starts with. */
    public static final long DEFAULT_SEED = 20_250_101L;
    /** The datapoints in the catalogue of {@link #DEFAULT_SEED}; other seeds give nearly as many. */
    public static final long EXPECTED_DATAPOINTS = 174_092;
    /** Id of the root group {@code open_data}. */
    public static final UUID OPEN_DATA_GROUP = UUID.fromString("019039b5-9f7b-5e94-bb3e-40049e28280a");
    /** Id of the group {@code open_data.copernicus}. */
    public static final UUID COPERNICUS_GROUP = UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983");

    private DemoCatalog() {
    }

    /**
     * Writes the whole catalogue to {@code sink}: groups, then each dataset with its collections, from the calling
     * thread; then the datapoints, generated on one thread per core and ingested in batches of at most 8192 per
     * collection. Takes a few seconds of processor time. If generating or ingesting fails, the other parts stop at
     * their next batch and the failure is rethrown once none of them writes any more.
     *
     * @param sink where the catalogue goes
     * @param seed varies field values such as cloud cover and product ids, and which Landsat scenes are acquired;
     *             the groups, datasets, collections and the Landsat 2020 counts are the same for every seed
     */
    public static void writeTo(DemoSink sink, long seed) {
        sink.group(OPEN_DATA_GROUP, null, "open_data", "Open Data");
        sink.group(COPERNICUS_GROUP, OPEN_DATA_GROUP, "copernicus", "Copernicus");
        try (Parts parts = new Parts()) {
            List<Runnable> sentinel2 = Sentinel2Msi.writeTo(sink, COPERNICUS_GROUP, seed);
            List<Runnable> sentinel1 = Sentinel1Sar.writeTo(sink, COPERNICUS_GROUP, seed);
            List<Runnable> landsat = Landsat8OliTirs.writeTo(sink, COPERNICUS_GROUP, seed, parts);
            // Planning the Landsat scenes is the longest step that cannot be split: it starts first.
            landsat.forEach(parts::fork);
            sentinel2.forEach(parts::fork);
            sentinel1.forEach(parts::fork);
            parts.join();
        }
    }
}
