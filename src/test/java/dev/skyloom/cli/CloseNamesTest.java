package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloseNamesTest {

    private static final List<String> SLUGS = List.of("open_data.copernicus.sentinel1_sar",
            "open_data.copernicus.sentinel2_msi", "open_data.copernicus.landsat8_oli_tirs", "open_data.asf.ers_sar");

    @Test
    void aTypoFindsTheIntendedName() {
        assertThat(CloseNames.to("open_data.copernicus.sentinel2_mis", SLUGS))
                .startsWith("open_data.copernicus.sentinel2_msi");
    }

    @Test
    void theLastSlugComponentFindsTheFullSlug() {
        assertThat(CloseNames.to("landsat8_oli_tirs", SLUGS)).containsExactly("open_data.copernicus.landsat8_oli_tirs");
        assertThat(CloseNames.to("sentinel2_mis", SLUGS)).containsExactly("open_data.copernicus.sentinel2_msi");
    }

    @Test
    void collectionNamesMatchByPrefixAndDistance() {
        List<String> collections = List.of("L1GT", "L1T", "L1TP", "L2SP");
        assertThat(CloseNames.to("L1G", collections)).first().isEqualTo("L1GT");
        assertThat(CloseNames.to("l2sp", collections)).containsExactly("L2SP");
    }

    @Test
    void somethingUnrelatedHasNoSuggestions() {
        assertThat(CloseNames.to("weather_stations_of_mars", SLUGS)).isEmpty();
    }
}
