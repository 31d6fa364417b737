package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Dataset;
import dev.skyloom.Page;
import dev.skyloom.Query;
import dev.skyloom.SpatialFilter;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code skyloom query}: streams the datapoints of one collection in a time interval, optionally in an area. */
@Command(name = "query", sortOptions = false,
        description = "Query one collection's datapoints in a time interval (and optionally an area) and write them"
                + " to stdout or a file, page by page.",
        footer = {"  skyloom query open_data.copernicus.sentinel2_msi S2A_S2MSI1C \\",
                "      --from 2025-01-01 --to 2025-01-02",
                "  skyloom query open_data.copernicus.sentinel2_msi S2A_S2MSI1C \\",
                "      --from 2025-01-01 --to 2025-01-02 --bbox 5.9,45.8,10.5,47.8 \\",
                "      --filter \"cloud_cover < 10\" --fields time,id,cloud_cover",
                "  skyloom query open_data.copernicus.landsat8_oli_tirs L2SP \\",
                "      --from 2020-01-01 --to 2020-02-01 --format parquet --output l2sp.parquet"})
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionArguments collectionArguments;

    @Mixin
    private IntervalOptions interval;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat",
            converter = OptionConverters.BboxConverter.class,
            description = "Only datapoints whose footprint meets this longitude/latitude box.")
    private SpatialFilter bbox;

    @Option(names = "--geometry", paramLabel = "WKT|@FILE", converter = OptionConverters.GeometryConverter.class,
            description = "Only datapoints whose footprint meets this (multi)polygon: WKT text, or @file with WKT or"
                    + " GeoJSON.")
    private Geometry geometry;

    @Option(names = "--mode", paramLabel = "intersects|contains|covers",
            description = "How footprints must relate to the area: intersects (default: any overlap), contains (the"
                    + " area contains the footprint) or covers (the footprint covers the whole area).")
    private SpatialFilter.Mode mode;

    @Option(names = "--skip-data", description = "Return only time, id and ingestion time.")
    private boolean skipData;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N datapoints.")
    private Long max;

    @Mixin
    private FilterOptions filters;

    @Mixin
    private WriteOptions write;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        Query query = query(commandLine);
        if (max != null && max < 1) {
            throw new ParameterException(commandLine, "--max must be at least 1, got " + max);
        }
        Environment environment = root.environment();
        OutputFormat format = write.format(environment, output != null);
        if (output == null) {
            WriteOptions.requireFile(format, "--output FILE", commandLine);
        }
        try (Writer out = OutputTarget.open(output, "--output", environment.out(), commandLine);
             Connection connection = root.connect()) {
            Dataset found = collectionArguments.dataset(connection.client());
            filters.checkFields(found, commandLine);
            DatapointWriter writer = write.writer(format, out, output, environment, found, commandLine);
            Collection source = collectionArguments.resolve(found);
            long remaining = max == null ? Long.MAX_VALUE : max;
            try (ProgressDisplay progress = write.progress(environment, List.of(collectionArguments.collection()));
                 Stream<Page> pages = source.pages(query, progress.listenerFor(collectionArguments.collection()))) {
                Iterator<Page> it = pages.iterator();
                while (remaining > 0 && it.hasNext()) {
                    List<Datapoint> datapoints = it.next().datapoints();
                    List<Datapoint> taken = datapoints.subList(0, (int) Math.min(remaining, datapoints.size()));
                    writer.write(taken);
                    remaining -= taken.size();
                }
            }
            writer.finish();
        }
        return 0;
    }

    private Query query(CommandLine commandLine) {
        if (bbox != null && geometry != null) {
            throw new ParameterException(commandLine, "give either --bbox or --geometry, not both");
        }
        if (mode != null && bbox == null && geometry == null) {
            throw new ParameterException(commandLine, "--mode needs an area: add --bbox or --geometry");
        }
        Query query = filters.apply(Query.of(interval.interval(commandLine)).withSkipData(skipData), commandLine);
        SpatialFilter filter;
        try {
            filter = bbox != null ? bbox : geometry != null ? SpatialFilter.intersects(geometry) : null;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "invalid --geometry: " + e.getMessage());
        }
        if (filter == null) {
            return query;
        }
        return query.withSpatialFilter(mode == null ? filter : filter.withMode(mode));
    }
}
