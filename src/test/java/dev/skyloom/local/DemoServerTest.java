package dev.skyloom.local;

import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DemoServerTest {

    private static LocalServer server;
    private static ConnectTestClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withDemo(true));
        client = new ConnectTestClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDemoCatalogueIsListedWithItsSlugs() {
        ListDatasetsResponse list = client.call("/datasets.v1.DatasetService/ListDatasets",
                ListDatasetsRequest.getDefaultInstance(), ListDatasetsResponse.parser());

        assertThat(list.getDatasetsList()).extracting(Dataset::getSlug).contains(
                "open_data.copernicus.sentinel2_msi", "open_data.copernicus.sentinel1_sar",
                "open_data.copernicus.landsat8_oli_tirs");
        assertThat(list.getDatasetsList()).allSatisfy(d -> assertThat(d.getType().getTypeUrl()).isNotEmpty());
    }

    @Test
    void landsatL1tHasTheDocumentedCountIn2020AcrossTwoPages() {
        Dataset landsat = client.call("/datasets.v1.DatasetService/GetDataset", GetDatasetRequest.newBuilder()
                .setSlug("open_data.copernicus.landsat8_oli_tirs").build(), Dataset.parser());
        CollectionInfo l1t = client.call("/datasets.v1.CollectionService/GetCollectionByName",
                GetCollectionByNameRequest.newBuilder().setDatasetId(landsat.getId()).setCollectionName("L1T")
                        .setWithCount(true).setWithAvailability(true).build(), CollectionInfo.parser());
        QueryFilters year2020 = TestCatalog.during(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z"));

        int total = 0;
        int pages = 0;
        Pagination page = null;
        do {
            QueryRequest.Builder request = QueryRequest.newBuilder().addCollectionIds(l1t.getCollection().getId())
                    .setFilters(year2020).setSkipData(true);
            if (page != null) {
                request.setPage(page);
            }
            QueryResultPage result = client.call("/datasets.v1.DataAccessService/Query", request.build(),
                    QueryResultPage.parser());
            total += result.getData().getValueCount();
            pages++;
            page = result.hasNextPage() ? result.getNextPage() : null;
        } while (page != null);

        assertThat(total).isEqualTo(1281);
        assertThat(pages).isEqualTo(2);
        assertThat(l1t.getCount()).isGreaterThan(1281);
        assertThat(l1t.getAvailability().getEndInclusive()).isTrue();
    }
}
