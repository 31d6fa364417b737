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

// The Java version of the Python docs' "fetching data concurrently" example: one year of each Landsat-8
// collection, first one after another, then all four at once with ConcurrentLoader, with counts and wall times.
// Runs against the embedded local server (demo data, 50 ms added to every request so that it behaves like a remote
// service), or the real service when TILEBOX_API_KEY is set.
//   jbang/bin/jbang jbang/LoadConcurrently.java [latency-ms]

// The embedded server needs what Skyloom leaves optional for library users (//DEPS above).
import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.concurrent.CollectionLoad;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.concurrent.LoadResult;
import dev.skyloom.local.DemoProgress;
import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.time.Duration;
import java.util.List;

public class LoadConcurrently {

    public static void main(String[] args) {
        boolean remote = System.getenv(DatasetsClient.API_KEY_VARIABLE) != null;
        Duration latency = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 50);
        // The demo catalogue is generated once into ~/.cache/skyloom (as the CLI's) and then shared read-only.
        try (LocalServer server = remote ? null : LocalServer.start(LocalServerConfig.defaults().withDemo(true)
                     .withReadOnly(true).withLatency(latency), DemoProgress.lines(System.err));
             DatasetsClient client = remote ? DatasetsClient.create()
                     : DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            System.out.println("Loading 2020 from " + client.url()
                    + (remote ? "" : " (embedded local server, demo data, " + latency.toMillis() + " ms per request)"));
            Dataset landsat = client.dataset("open_data.copernicus.landsat8_oli_tirs");
            List<Collection> collections = List.of("L1GT", "L1T", "L1TP", "L2SP").stream()
                    .map(landsat::collection).toList();
            Query year = Query.between("2020-01-01", "2021-01-01");

            System.out.println("\nOne after another:");
            long started = System.nanoTime();
            for (Collection c : collections) {
                System.out.printf("  %-5s %,8d datapoints%n", c.name(), c.query(year).size());
            }
            Duration sequential = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("  took %.2f s%n", sequential.toMillis() / 1000.0);

            System.out.println("\nAll at once with ConcurrentLoader (by default, large collections are cut into time"
                    + " slices loaded concurrently):");
            report(ConcurrentLoader.create().load(collections, year), sequential);

            System.out.println("\nAll at once, one query per collection (withSplit(1)), as asyncio.gather does:");
            report(ConcurrentLoader.create().withSplit(1).load(collections, year), sequential);
        }
    }

    private static void report(LoadResult result, Duration sequential) {
        for (CollectionLoad load : result.loads()) {
            System.out.printf("  %-5s %,8d datapoints in %.2f s%n", load.collection().name(),
                    load.datapoints().size(), load.stats().wallTime().toMillis() / 1000.0);
        }
        System.out.printf("  took %.2f s (%.2f of the sequential time)%n", result.wallTime().toMillis() / 1000.0,
                (double) result.wallTime().toNanos() / sequential.toNanos());
    }
}
