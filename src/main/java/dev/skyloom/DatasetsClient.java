package dev.skyloom;

import dev.skyloom.codec.DatapointType;
import dev.skyloom.codec.DatapointTypes;
import dev.skyloom.connect.ConnectConfig;
import dev.skyloom.connect.ConnectTransport;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The entry point: a blocking, thread-safe client for the Tilebox Datasets service.
 *
 * <p>Every method is a plain blocking call, safe to run from thousands of virtual threads at once. Close the client
 * when done (it closes the HTTP client it created). To load many collections concurrently, see
 * {@code dev.skyloom.concurrent.ConcurrentLoader}.
 * {@snippet :
 * try (DatasetsClient client = DatasetsClient.create()) {          // TILEBOX_API_KEY, https://api.tilebox.com
 *     Collection s2a = client.dataset("open_data.copernicus.sentinel2_msi").collection("S2A_S2MSI1C");
 *     List<Datapoint> hour = s2a.query(Query.between("2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z"));
 *     hour.forEach(dp -> System.out.println(dp.time() + " " + dp.get("granule_name")));
 * }
 * }
 */
public final class DatasetsClient implements AutoCloseable {

    /** The Tilebox service. */
    public static final String DEFAULT_URL = "https://api.tilebox.com";
    /** The environment variable the API key is read from. */
    public static final String API_KEY_VARIABLE = "TILEBOX_API_KEY";
    /**
     * How long one HTTP attempt may take by default, from sending the request to the last byte of the response: a
     * server that accepts a connection and never answers (or answers forever) fails the call after this long.
     */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    /** This library's version, e.g. {@code 0.1.0}. */
    public static final String VERSION = readVersion();

    private final URI url;
    private final boolean hasKey;
    private final ClientContext context;

    private DatasetsClient(Builder b) {
        this.url = b.url;
        this.hasKey = b.apiKey != null;
        ConnectConfig config = new ConnectConfig(b.url, b.apiKey, b.httpClient, b.connectTimeout, b.attemptTimeout,
                b.callTimeout, b.retryPolicy, "skyloom/" + VERSION);
        this.context = new ClientContext(ConnectTransport.create(config), new DatapointTypes());
    }

    /**
     * A client for {@value #DEFAULT_URL} with the API key from the {@value #API_KEY_VARIABLE} environment variable
     * (or no key if it is unset), and all other settings at their defaults.
     *
     * @return the client; close it when done
     */
    public static DatasetsClient create() {
        return builder().build();
    }

    /**
     * A builder with every setting at its default.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The service URL this client talks to.
     *
     * @return the URL, e.g. {@code https://api.tilebox.com}
     */
    public URI url() {
        return url;
    }

    /**
     * Lists every dataset visible to the caller, with the groups they are organised in.
     *
     * @return the datasets and groups
     * @throws SkyloomException on any failure
     */
    public DatasetCatalog datasets() {
        ListDatasetsRequest request = ListDatasetsRequest.getDefaultInstance();
        ListDatasetsResponse response = context.transport().unary(ClientContext.DATASETS, "ListDatasets", request,
                ListDatasetsResponse.parser()).message();
        Map<UUID, DatasetGroup> groups = new HashMap<>();
        List<DatasetGroup> ordered = new ArrayList<>();
        for (var g : response.getGroupsList()) {
            DatasetGroup group = new DatasetGroup(Ids.required(g.getId(), "group"), Ids.fromWire(g.getParentId()),
                    g.getCodeName(), g.getName());
            groups.put(group.id(), group);
            ordered.add(group);
        }
        List<DatasetInfo> datasets = new ArrayList<>();
        for (var d : response.getDatasetsList()) {
            String slug = d.getSlug().isEmpty() ? slugOf(groups, d) : d.getSlug();
            datasets.add(WireValues.datasetInfo(d, slug));
            context.types().register(d.getType());
        }
        return new DatasetCatalog(parentsFirst(ordered, groups), datasets);
    }

    /**
     * A handle on the dataset with this slug (one request; it also loads the dataset's datapoint type).
     *
     * @param slug e.g. {@code open_data.copernicus.sentinel2_msi}
     * @return the handle
     * @throws SkyloomException.NotFound if there is no such dataset
     * @throws SkyloomException on any other failure
     */
    public Dataset dataset(String slug) {
        Objects.requireNonNull(slug, "slug");
        try {
            var wire = context.transport().unary(ClientContext.DATASETS, "GetDataset",
                    GetDatasetRequest.newBuilder().setSlug(slug).build(),
                    dev.skyloom.wire.datasets.v1.Dataset.parser()).message();
            DatapointType type = context.types().register(wire.getType());
            return new Dataset(context, WireValues.datasetInfo(wire, wire.getSlug().isEmpty() ? slug : wire.getSlug()),
                    type);
        } catch (SkyloomException.NotFound e) {
            throw new SkyloomException.NotFound(e.code(), "no such dataset '" + slug
                    + "'; list the datasets with DatasetsClient.datasets() or `skyloom datasets`", e);
        }
    }

    /**
     * Creates a dataset, or updates the caller's dataset with this code name, as the official clients do: GetDataset
     * by code name, then UpdateDataset (id, name, type) if it exists, else CreateDataset. The type is the kind's
     * fixed fields followed by {@code fields}; an update keeps the numbers of existing fields. The service refuses to
     * remove or change fields (and queryable flags) of a dataset that holds data.
     * {@snippet :
     * Dataset sightings = client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "bird_sightings",
     *         List.of(FieldSpec.of("species", FieldType.STRING).asQueryable(),
     *                 FieldSpec.of("count", FieldType.INT64)),
     *         "Bird sightings");
     * }
     *
     * @param kind     temporal or spatio-temporal
     * @param codeName the code name ({@code ^[a-z][a-z0-9_]*$}, at most 100 characters), the last part of the slug
     * @param fields   the custom fields, in order
     * @param name     the display name (1 to 100 characters)
     * @return a handle on the created or updated dataset
     * @throws IllegalArgumentException   if the code name or name is invalid, or two fields share a name
     * @throws SkyloomException.InvalidArgument if the service refuses the type (e.g. a changed field of a dataset
     *                                          with data)
     * @throws SkyloomException           on any other failure
     */
    public Dataset createOrUpdateDataset(DatasetKind kind, String codeName, List<FieldSpec> fields, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codeName, "codeName");
        Objects.requireNonNull(name, "name");
        if (codeName.length() > 100 || !codeName.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("'" + codeName + "' is not a dataset code name: use snake_case such "
                    + "as my_dataset (a lower-case letter, then lower-case letters, digits or _, at most 100)");
        }
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a dataset name must have 1 to 100 characters, got '" + name + "'");
        }
        DatasetType type = DatasetTypeWire.of(kind, fields);
        Optional<dev.skyloom.wire.datasets.v1.Dataset> existing;
        try {
            existing = Optional.of(context.transport().unary(ClientContext.DATASETS, "GetDataset",
                    GetDatasetRequest.newBuilder().setSlug(codeName).build(),
                    dev.skyloom.wire.datasets.v1.Dataset.parser()).message());
        } catch (SkyloomException.NotFound e) {
            existing = Optional.empty();
        }
        dev.skyloom.wire.datasets.v1.Dataset wire = existing.isPresent()
                ? context.transport().unary(ClientContext.DATASETS, "UpdateDataset", UpdateDatasetRequest.newBuilder()
                        .setId(existing.get().getId()).setName(name).setType(type).build(),
                        dev.skyloom.wire.datasets.v1.Dataset.parser()).message()
                : context.transport().unary(ClientContext.DATASETS, "CreateDataset", CreateDatasetRequest.newBuilder()
                        .setName(name).setCodeName(codeName).setType(type).build(),
                        dev.skyloom.wire.datasets.v1.Dataset.parser()).message();
        DatapointType datapointType = context.types().register(wire.getType());
        return new Dataset(context, WireValues.datasetInfo(wire, wire.getSlug().isEmpty() ? codeName : wire.getSlug()),
                datapointType);
    }

    /** Closes the HTTP client if this client created it. Handles must not be used afterwards. */
    @Override
    public void close() {
        context.transport().close();
    }

    /** Describes the client without revealing the API key, e.g. {@code DatasetsClient[url=..., apiKey=<set>]}. */
    @Override
    public String toString() {
        return "DatasetsClient[url=" + url + ", apiKey=" + (hasKey ? "<set>" : "<none>") + "]";
    }

    private static String slugOf(Map<UUID, DatasetGroup> groups, dev.skyloom.wire.datasets.v1.Dataset d) {
        StringBuilder slug = new StringBuilder(d.getCodeName());
        Optional<UUID> group = Ids.fromWire(d.getGroupId());
        while (group.isPresent() && groups.containsKey(group.get())) {
            DatasetGroup g = groups.get(group.get());
            slug.insert(0, g.codeName() + ".");
            group = g.parentId();
        }
        return slug.toString();
    }

    private static List<DatasetGroup> parentsFirst(List<DatasetGroup> groups, Map<UUID, DatasetGroup> byId) {
        List<DatasetGroup> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> Integer.compare(depth(a, byId), depth(b, byId)));
        return sorted;
    }

    private static int depth(DatasetGroup g, Map<UUID, DatasetGroup> byId) {
        int depth = 0;
        for (Optional<UUID> p = g.parentId(); p.isPresent() && byId.containsKey(p.get()) && depth < 64;
             p = byId.get(p.get()).parentId()) {
            depth++;
        }
        return depth;
    }

    private static String readVersion() {
        try (InputStream in = DatasetsClient.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Settings for a {@link DatasetsClient}. Not thread-safe; {@link #build()} copies the settings.
     */
    public static final class Builder {
        private URI url = URI.create(DEFAULT_URL);
        private String apiKey = blankToNull(System.getenv(API_KEY_VARIABLE));
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /**
         * The service URL; default {@value DatasetsClient#DEFAULT_URL}.
         *
         * @param url an absolute http or https URL, e.g. {@code http://127.0.0.1:8080}
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http or https URL
         */
        public Builder url(String url) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(url, "url").strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + url + "' is not a URL: use e.g. https://api.tilebox.com", e);
            }
            return url(uri);
        }

        /**
         * The service URL, e.g. a {@code LocalServer}'s {@code url()}; default {@value DatasetsClient#DEFAULT_URL}.
         *
         * @param url an absolute http or https URL
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http or https URL
         */
        public Builder url(URI url) {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' is not an http(s) URL: use e.g. "
                        + DEFAULT_URL + " or http://127.0.0.1:8080");
            }
            this.url = url;
            return this;
        }

        /**
         * The API key; default the {@value DatasetsClient#API_KEY_VARIABLE} variable; null or blank for none.
         *
         * @param key the key, or null or blank for none
         * @return this builder
         */
        public Builder apiKey(String key) {
            this.apiKey = blankToNull(key);
            return this;
        }

        /**
         * The HTTP client to use (not closed by the client); default one built and owned by the client.
         *
         * @param client the HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * How long to wait for a connection; default 10 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * How long one HTTP attempt may take, the whole response body included; default
         * {@link DatasetsClient#DEFAULT_ATTEMPT_TIMEOUT} (60 s). An attempt that times out fails the call with
         * {@link SkyloomException.DeadlineExceeded} and is not retried.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive(timeout, "attempt timeout");
            return this;
        }

        /**
         * How long one call may take, retries included; default no limit.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "call timeout");
            return this;
        }

        /**
         * How transient failures are retried; default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy, e.g. {@link RetryPolicy#none()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return a new client with these settings; close it when done
         */
        public DatasetsClient build() {
            return new DatasetsClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
