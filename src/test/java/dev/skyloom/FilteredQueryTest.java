package dev.skyloom;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field filters evaluated by the local server, through the client. */
class FilteredQueryTest {

    private static final Instant T = Instant.parse("2025-02-01T00:00:00Z");
    private static LocalServer server;
    private static DatasetsClient client;
    private static Collection nulls;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withDemo(true));
        client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build();
        Dataset dataset = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "null_table", List.of(
                FieldSpec.of("a", FieldType.INT64).asQueryable(), FieldSpec.of("s", FieldType.STRING).asQueryable(),
                FieldSpec.of("b", FieldType.BOOL).asQueryable(), FieldSpec.of("note", FieldType.STRING)),
                "Null table");
        nulls = dataset.getOrCreateCollection("rows");
        // every combination of a in {1, 2, unset} and s in {'x', 'y', unset}; the row's name says which
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        int i = 0;
        for (Object a : new Object[] {1L, 2L, null}) {
            for (Object s : new Object[] {"x", "y", null}) {
                Map<String, Object> row = new HashMap<>();
                row.put("time", T.plusSeconds(i++));
                row.put("a", a);
                row.put("s", s);
                row.put("note", "a=" + (a == null ? "-" : a) + ",s=" + (s == null ? "-" : s));
                rows.add(row);
            }
        }
        nulls.ingest(rows);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static List<String> matching(String cql2) {
        Query query = Query.between("2025-02-01", "2025-02-02").withFilter(Filter.parse(cql2));
        return nulls.query(query).stream().map(d -> (String) d.get("note")).toList();
    }

    @Test
    void comparisonsWithUnsetFieldsAreUnknownAndOnlyTrueMatches() {
        assertThat(matching("a = 1")).containsExactly("a=1,s=x", "a=1,s=y", "a=1,s=-");
        assertThat(matching("a <> 1")).containsExactly("a=2,s=x", "a=2,s=y", "a=2,s=-");
        assertThat(matching("NOT (a = 1)")).containsExactly("a=2,s=x", "a=2,s=y", "a=2,s=-");
        assertThat(matching("a IS NULL")).containsExactly("a=-,s=x", "a=-,s=y", "a=-,s=-");
        assertThat(matching("a IS NOT NULL AND s IS NULL")).containsExactly("a=1,s=-", "a=2,s=-");
        // unknown OR true is true, unknown OR false is unknown
        assertThat(matching("a = 1 OR s = 'x'")).containsExactly("a=1,s=x", "a=1,s=y", "a=1,s=-", "a=2,s=x",
                "a=-,s=x");
        // unknown AND false is false, so its negation is true
        assertThat(matching("NOT (a = 1 AND s = 'x')")).containsExactly("a=1,s=y", "a=2,s=x", "a=2,s=y",
                "a=2,s=-", "a=-,s=y");
        assertThat(matching("b = TRUE")).isEmpty();
        assertThat(matching("b <> TRUE")).isEmpty();
        assertThat(matching("b IS NULL")).hasSize(9);
        assertThat(matching("s >= 'y' AND a < 2.5")).containsExactly("a=1,s=y", "a=2,s=y");
    }

    @Test
    void filteredDemoQueriesKeepExactlyWhatAJavaFilterKeeps() {
        Dataset s2 = client.dataset("open_data.copernicus.sentinel2_msi");
        Query day = Query.between("2025-01-01T00:00:00Z", "2025-01-01T06:00:00Z");
        List<Datapoint> all = s2.query(List.of(), day);
        assertThat(all).hasSizeGreaterThan(100);
        Map<String, Predicate<Datapoint>> cases = Map.of(
                "cloud_cover < 10 AND platform = 'S2B'",
                d -> (double) d.get("cloud_cover") < 10 && d.get("platform").equals("S2B"),
                "cloud_cover >= 50.5 OR platform <> 'S2A'",
                d -> (double) d.get("cloud_cover") >= 50.5 || !d.get("platform").equals("S2A"),
                "NOT (cloud_cover < 30) AND NOT (platform = 'S2C')",
                d -> (double) d.get("cloud_cover") >= 30 && !d.get("platform").equals("S2C"));
        cases.forEach((cql2, keep) -> {
            List<Datapoint> expected = all.stream().filter(keep).toList();
            assertThat(s2.query(List.of(), day.withFilter(Filter.parse(cql2)))).as(cql2)
                    .containsExactlyElementsOf(expected).isNotEmpty().hasSizeLessThan(all.size());
        });

        Collection l1tp = client.dataset("open_data.copernicus.landsat8_oli_tirs").collection("L1TP");
        Query month = Query.between("2020-01-01", "2020-02-01");
        Filter clear = Filter.field("cloud_cover").lessThan(20).and(Filter.field("path").atLeast(100));
        List<Datapoint> expected = l1tp.query(month).stream()
                .filter(d -> (double) d.get("cloud_cover") < 20 && (long) d.get("path") >= 100).toList();
        assertThat(l1tp.query(month.withFilter(clear))).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(l1tp.query(month.withFilter(clear).withPageSize(7))).containsExactlyElementsOf(expected);
    }

    @Test
    void theServerRefusesFiltersTheServiceWouldRefuse() {
        Query day = Query.between("2025-02-01", "2025-02-02");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.parse("colour = 'red'"))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("filter on unknown field 'colour': NullTable has no such field");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.parse("note = 'a=1,s=x'"))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("field 'note' is not queryable");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.parse("a = 'one'"))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("field 'a' has type int64: compare it with a finite number, not string_value");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.parse("s < 3"))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("field 's' has type string: compare it with a string, not int64_value");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.parse("b = 1"))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("field 'b' has type bool: compare it with a boolean, not int64_value");
        assertThatThrownBy(() -> nulls.query(day.withFilter(Filter.field("a").eq(Filter.enumValue("ONE")))))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("not enum_name");
    }
}
