///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//PREVIEW
//DEPS dev.skyloom:skyloom:0.1.0-SNAPSHOT
//DEPS org.xerial:sqlite-jdbc:3.54.1.0
//DEPS commons-codec:commons-codec:1.22.0
//DEPS org.eclipse.jetty:jetty-server:12.1.14
//DEPS org.eclipse.jetty.http2:jetty-http2-server:12.1.14
//DEPS org.slf4j:slf4j-nop:2.0.17
//JAVA_OPTIONS --enable-native-access=ALL-UNNAMED

// Lists the datasets and the collections of Sentinel-2, then queries one week of one collection.
// Runs against the embedded local server with its demo catalogue, or the real service when TILEBOX_API_KEY is set.
//   jbang/bin/jbang jbang/Explore.java [dataset-slug [collection]]

// The embedded server needs what Skyloom leaves optional for library users (//DEPS above).
import dev.skyloom.CollectionInfo;
import dev.skyloom.Datapoint;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetCatalog;
import dev.skyloom.DatasetGroup;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.TimeInterval;
import dev.skyloom.local.DemoProgress;
import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

public class Explore {

    public static void main(String[] args) {
        String slug = args.length > 0 ? args[0] : "open_data.copernicus.sentinel2_msi";
        boolean remote = System.getenv(DatasetsClient.API_KEY_VARIABLE) != null;
        // The demo catalogue is generated once into ~/.cache/skyloom (as the CLI's) and then shared read-only.
        try (LocalServer server = remote ? null : LocalServer.start(
                     LocalServerConfig.defaults().withDemo(true).withReadOnly(true), DemoProgress.lines(System.err));
             DatasetsClient client = remote ? DatasetsClient.create()
                     : DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            System.out.println("Datasets at " + client.url() + (remote ? "" : " (embedded local server, demo data)"));
            DatasetCatalog catalog = client.datasets();
            catalog.roots().forEach(group -> printGroup(catalog, group, "  "));

            Dataset dataset = client.dataset(slug);
            List<CollectionInfo> collections = dataset.collections();
            System.out.printf("%nCollections of %s%n", slug);
            System.out.printf("  %-20s %-52s %10s%n", "name", "availability", "count");
            for (CollectionInfo c : collections) {
                System.out.printf("  %-20s %-52s %10s%n", c.name(),
                        c.availability().map(Object::toString).orElse("-"),
                        c.count().isPresent() ? String.valueOf(c.count().getAsLong()) : "-");
            }

            CollectionInfo chosen = collections.stream()
                    .filter(c -> args.length < 2 || c.name().equals(args[1]))
                    .filter(c -> c.availability().isPresent())
                    .findFirst().orElseThrow(() -> new IllegalStateException("no collection with data"));
            Instant start = chosen.availability().orElseThrow().start();
            TimeInterval week = TimeInterval.of(start, start.plus(Duration.ofDays(7)));
            List<Datapoint> datapoints = dataset.collection(chosen.name()).query(Query.of(week));
            System.out.printf("%n%d datapoints in %s during %s; the first ten:%n", datapoints.size(), chosen.name(),
                    week);
            for (Datapoint dp : datapoints.subList(0, Math.min(10, datapoints.size()))) {
                System.out.printf("  %-24s %s  %s%n", dp.time(), dp.id(),
                        dp.fields().getOrDefault("granule_name", ""));
            }
        }
    }

    private static void printGroup(DatasetCatalog catalog, DatasetGroup group, String indent) {
        System.out.println(indent + group.codeName() + " (" + group.name() + ")");
        catalog.datasetsIn(group).forEach(d -> System.out.printf("%s  %-45s %-15s %s%n", indent, d.slug(), d.kind(),
                d.summary()));
        catalog.children(group).forEach(child -> printGroup(catalog, child, indent + "  "));
    }
}
