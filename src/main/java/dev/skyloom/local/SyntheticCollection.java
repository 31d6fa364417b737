package dev.skyloom.local;

import dev.skyloom.local.demo.SyntheticTiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection the local server serves without storing it: {@code size} synthetic Sentinel-2 tiles spread over 2020,
 * each computed from its index when a query reaches it (see {@link SyntheticTiles}), so a collection of tens of
 * millions costs no generation and no disk. Queries, paging, filters and collection info behave as for stored
 * datapoints; the collection refuses writes. Its dataset is created if missing, with the demo catalogue's Sentinel-2
 * type; the same spec and server seed always give the same bytes.
 *
 * {@snippet :
 * var config = LocalServerConfig.defaults()
 *         .withSynthetic(SyntheticCollection.parseAll("open_data.synthetic/big=5000000,open_data.synthetic/huge=2500000"));
 * }
 *
 * @param dataset    the dataset's slug: group code names and the dataset's code name, dot-separated, e.g.
 *                   {@code open_data.synthetic}
 * @param collection the collection's name, e.g. {@code big}
 * @param size       the number of datapoints, 1 to {@value #MAX_SIZE}
 */
public record SyntheticCollection(String dataset, String collection, long size) {

    /** The most datapoints a synthetic collection may hold. */
    public static final long MAX_SIZE = 1_000_000_000L;

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern SPEC = Pattern.compile("([^/=]+)/([^/=]+)=([0-9_]+)");

    /**
     * Validates the spec.
     *
     * @throws IllegalArgumentException naming the problem: a slug without a group or with characters other than
     *                                  lower-case letters, digits and underscores, a collection name other than up to
     *                                  100 letters, digits, {@code _ . -}, or a size outside 1 to {@value #MAX_SIZE}
     */
    public SyntheticCollection {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(collection, "collection");
        if (!SLUG.matcher(dataset).matches()) {
            throw new IllegalArgumentException("invalid synthetic dataset slug '" + dataset
                    + "': expected group.dataset in lower-case snake_case, e.g. open_data.synthetic");
        }
        if (!COLLECTION.matcher(collection).matches()) {
            throw new IllegalArgumentException("invalid synthetic collection name '" + collection
                    + "': expected up to 100 letters, digits, '_', '.' or '-'");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a synthetic collection holds 1 to " + MAX_SIZE + " datapoints, got "
                    + size);
        }
    }

    /**
     * Parses {@code <dataset-slug>/<collection>=<size>}, e.g. {@code open_data.synthetic/big=5_000_000}.
     *
     * @param spec the spec
     * @return the collection
     * @throws IllegalArgumentException if the spec is malformed or invalid
     */
    public static SyntheticCollection parse(String spec) {
        Matcher matcher = SPEC.matcher(spec.strip());
        if (!matcher.matches() || matcher.group(3).replace("_", "").isEmpty()) {
            throw new IllegalArgumentException("invalid synthetic collection '" + spec
                    + "': expected <dataset-slug>/<collection>=<datapoints>, e.g. open_data.synthetic/big=5000000");
        }
        String digits = matcher.group(3).replace("_", "");
        long size;
        try {
            size = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            size = Long.MAX_VALUE;
        }
        return new SyntheticCollection(matcher.group(1), matcher.group(2), size);
    }

    /**
     * Parses a comma-separated list of {@link #parse} specs.
     *
     * @param specs the specs, e.g. {@code open_data.synthetic/big=5000000,open_data.synthetic/huge=2500000}
     * @return the collections, in order
     * @throws IllegalArgumentException if a spec is malformed or invalid, or two name the same collection
     */
    public static List<SyntheticCollection> parseAll(String specs) {
        List<SyntheticCollection> all = new ArrayList<>();
        for (String spec : specs.split(",")) {
            SyntheticCollection parsed = parse(spec);
            if (all.stream().anyMatch(c -> c.dataset.equals(parsed.dataset) && c.collection.equals(parsed.collection))) {
                throw new IllegalArgumentException("synthetic collection " + parsed.dataset + "/"
                        + parsed.collection + " is given twice");
            }
            all.add(parsed);
        }
        return List.copyOf(all);
    }

    /** @return {@code dataset/collection=size}, as parsed */
    @Override
    public String toString() {
        return dataset + "/" + collection + "=" + size;
    }
}
