package dev.skyloom.local;

import dev.skyloom.local.demo.DemoCatalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link LocalServer}: where it listens, where it stores its data, and the knobs that make it behave
 * like a remote service (latency, bandwidth, faults, page size, API key).
 *
 * <p>Start from {@link #defaults()} and change single settings with the withers:
 * {@snippet :
 * var config = LocalServerConfig.defaults().withDemo(true).withLatency(Duration.ofMillis(50));
 * }
 *
 * @param host          the address to bind; default {@code 127.0.0.1} (loopback only)
 * @param port          the TCP port; 0 (the default) picks a free port
 * @param dataDir       the directory holding {@code skyloom.db}, created if missing; null (the default) keeps
 *                      everything in memory
 * @param demo          whether to load the demo catalogue when the store has no datasets; default false
 * @param latency       slept before answering every request; default zero
 * @param jitter        a uniform random amount in [-jitter, +jitter] added to the latency (never below zero);
 *                      default zero
 * @param pageSize      the default and maximum number of datapoints in a Query page; default 1,000
 * @param bandwidthMbps the rate, in megabits per second, at which response bodies are written; 0 (the default) = no
 *                      limit
 * @param faultRate     the fraction (0..1) of requests answered {@code unavailable} before any work; default 0
 * @param apiKey        when set, every request must carry {@code Authorization: Bearer <apiKey>}; null (the default)
 *                      accepts any or none. Never shown by {@link #toString()}.
 * @param seed          seeds the demo catalogue and the jitter and fault randomness; default
 *                      {@value DemoCatalog#DEFAULT_SEED}
 * @param sharedDataDir whether other servers may use the data directory at the same time, each opening it shared;
 *                      default false: the server
 *                      holds the directory alone, and a second server on it fails to start saying so
 * @param maxDataBytes  the most bytes the database may grow to; when it is full (or the disk is), writes are refused
 *                      with {@code resource_exhausted}; 0 (the default) = no limit but the disk's
 * @param maxRequestBytes the most bytes a request body may have, compressed or inflated (a larger one is refused
 *                      before, or as soon as, it goes past); default {@value #DEFAULT_MAX_REQUEST_BYTES}, room for an
 *                      ingest batch of 8,192 datapoints of 8 KiB each
 * @param readTimeout   how long a request's headers, and then its body, may take to arrive; default 30 s
 * @param idleTimeout   how long a connection may sit with no traffic before it is closed; default 60 s
 * @param demoCache     the cache root where the demo catalogue is generated once and reused from (see
 *                      {@link DemoCache}); default {@link DemoCache#defaultRoot()}; null generates it into the store
 *                      every time instead
 * @param readOnly      whether the server opens its store read-only and refuses writes with permission_denied, so
 *                      that several processes can serve one store at once; with {@code demo} and no data directory
 *                      it serves the cached demo catalogue itself, without a copy (it needs one of the two);
 *                      default false
 * @param synthetic     collections served without being stored, computed from the index when a query reaches
 *                      them (see {@link SyntheticCollection}); default none
 */
public record LocalServerConfig(String host, int port, Path dataDir, boolean demo, Duration latency, Duration jitter,
                                int pageSize, double bandwidthMbps, double faultRate, String apiKey, long seed,
                                boolean sharedDataDir, long maxDataBytes, long maxRequestBytes, Duration readTimeout,
                                Duration idleTimeout, Path demoCache, boolean readOnly,
                                List<SyntheticCollection> synthetic) {

    /** The page size used when none is configured. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    /** The request size limit used when none is configured: 64 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L << 20;

    /**
     * Validates every setting and copies the list of synthetic collections.
     *
     * @throws IllegalArgumentException if a setting is out of range or two synthetic collections have one name
     */
    public LocalServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        if (!(bandwidthMbps >= 0) || Double.isInfinite(bandwidthMbps)) {
            throw new IllegalArgumentException("bandwidth must be a finite number >= 0 Mbit/s, got " + bandwidthMbps);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("fault rate must be in 0..1, got " + faultRate);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("API key must not be blank (use null for no key)");
        }
        if (maxDataBytes < 0) {
            throw new IllegalArgumentException("the data size limit must not be negative, got " + maxDataBytes);
        }
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the request size limit must be 1 byte to 2 GiB, got "
                    + maxRequestBytes);
        }
        if (readTimeout.isNegative() || readTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("read and idle timeouts must be positive");
        }
        synthetic = List.copyOf(synthetic);
        if (synthetic.stream().map(c -> c.dataset() + "/" + c.collection()).distinct().count() < synthetic.size()) {
            throw new IllegalArgumentException("two synthetic collections have the same dataset and name");
        }
    }

    /**
     * The default settings: loopback, a free port, in memory, no demo data, no latency, bandwidth limit, faults or
     * API key, page size {@value #DEFAULT_PAGE_SIZE}, the demo catalogue's default seed, a data directory held alone
     * with no size limit but the disk's, requests of at most 64 MiB that arrive within 30 s, connections idle for at
     * most 60 s, the demo catalogue cached under {@link DemoCache#defaultRoot()}, writable.
     *
     * @return the defaults
     */
    public static LocalServerConfig defaults() {
        return new LocalServerConfig("127.0.0.1", 0, null, false, Duration.ZERO, Duration.ZERO, DEFAULT_PAGE_SIZE,
                0, 0, null, DemoCatalog.DEFAULT_SEED, false, 0, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(30),
                Duration.ofSeconds(60), DemoCache.defaultRoot(), false, List.of());
    }

    /**
     * A copy that binds another address, e.g. {@code 0.0.0.0} to serve other machines.
     *
     * @param host the address to bind
     * @return a copy with that host
     * @throws IllegalArgumentException if it is blank
     */
    public LocalServerConfig withHost(String host) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that listens on another port.
     *
     * @param port the port, 0 for a free one
     * @return a copy with that port
     * @throws IllegalArgumentException if it is not in 0..65535
     */
    public LocalServerConfig withPort(int port) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that stores its data in another directory, or in memory.
     *
     * @param dataDir the data directory, null for in-memory
     * @return a copy with that directory
     */
    public LocalServerConfig withDataDir(Path dataDir) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that loads, or does not load, the demo catalogue.
     *
     * @param demo whether to load the demo catalogue into an empty store
     * @return a copy with that setting
     */
    public LocalServerConfig withDemo(boolean demo) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that waits longer, or less, before every answer.
     *
     * @param latency the delay before every answer
     * @return a copy with that latency
     * @throws IllegalArgumentException if it is negative
     */
    public LocalServerConfig withLatency(Duration latency) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another random spread around the latency.
     *
     * @param jitter the uniform random spread around the latency
     * @return a copy with that jitter
     * @throws IllegalArgumentException if it is negative
     */
    public LocalServerConfig withJitter(Duration jitter) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another default and maximum page size.
     *
     * @param pageSize the default and maximum Query page size
     * @return a copy with that page size
     * @throws IllegalArgumentException if it is below 1
     */
    public LocalServerConfig withPageSize(int pageSize) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that writes responses at another rate.
     *
     * @param bandwidthMbps the response write rate in Mbit/s, 0 for unlimited
     * @return a copy with that rate
     * @throws IllegalArgumentException if it is negative or infinite
     */
    public LocalServerConfig withBandwidthMbps(double bandwidthMbps) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that fails another share of requests.
     *
     * @param faultRate the fraction of requests answered {@code unavailable}
     * @return a copy with that rate
     * @throws IllegalArgumentException if it is not in 0..1
     */
    public LocalServerConfig withFaultRate(double faultRate) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that requires another API key, or none.
     *
     * @param apiKey the required bearer key, null for none
     * @return a copy with that key
     * @throws IllegalArgumentException if it is blank (use null for no key)
     */
    public LocalServerConfig withApiKey(String apiKey) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another seed.
     *
     * @param seed the seed of the demo catalogue and the jitter and fault randomness
     * @return a copy with it
     */
    public LocalServerConfig withSeed(long seed) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy that shares, or holds alone, its data directory.
     *
     * @param sharedDataDir whether the data directory may be shared with other servers opening it shared
     * @return a copy with that setting
     */
    public LocalServerConfig withSharedDataDir(boolean sharedDataDir) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy whose database may grow to another size; past it, writes are refused with {@code resource_exhausted}.
     *
     * @param maxDataBytes the database size limit in bytes, 0 for none
     * @return a copy with that limit
     * @throws IllegalArgumentException if it is negative
     */
    public LocalServerConfig withMaxDataBytes(long maxDataBytes) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another request size limit.
     *
     * @param maxRequestBytes the most bytes a request body may have, compressed or inflated
     * @return a copy with that limit
     * @throws IllegalArgumentException if it is not 1 byte to 2 GiB
     */
    public LocalServerConfig withMaxRequestBytes(long maxRequestBytes) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another read timeout.
     *
     * @param readTimeout how long a request's headers, and then its body, may take to arrive
     * @return a copy with that timeout
     * @throws IllegalArgumentException if it is not positive
     */
    public LocalServerConfig withReadTimeout(Duration readTimeout) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another idle timeout.
     *
     * @param idleTimeout how long a connection may sit with no traffic before it is closed
     * @return a copy with that timeout
     * @throws IllegalArgumentException if it is not positive
     */
    public LocalServerConfig withIdleTimeout(Duration idleTimeout) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another demoCache setting.
     *
     * @param demoCache the demo catalogue's cache root, null for none
     * @return a copy with that root
     */
    public LocalServerConfig withDemoCache(Path demoCache) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with another readOnly setting.
     *
     * @param readOnly whether the store is opened read-only and writes refused
     * @return a copy with that setting
     */
    public LocalServerConfig withReadOnly(boolean readOnly) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /**
     * A copy with other synthetic collections.
     *
     * @param synthetic the collections served without being stored, e.g. from
     *                  {@link SyntheticCollection#parseAll(String)}
     * @return a copy with those synthetic collections
     */
    public LocalServerConfig withSynthetic(List<SyntheticCollection> synthetic) {
        return new LocalServerConfig(host, port, dataDir, demo, latency, jitter, pageSize, bandwidthMbps, faultRate,
                apiKey, seed, sharedDataDir, maxDataBytes, maxRequestBytes, readTimeout, idleTimeout, demoCache,
                readOnly, synthetic);
    }

    /** Every setting, with the API key shown only as set or not set. */
    @Override
    public String toString() {
        return "LocalServerConfig[host=" + host + ", port=" + port
                + ", dataDir=" + (dataDir == null ? "in-memory" : dataDir)
                + ", demo=" + demo + ", latency=" + latency + ", jitter=" + jitter + ", pageSize=" + pageSize
                + ", bandwidthMbps=" + bandwidthMbps + ", faultRate=" + faultRate
                + ", apiKey=" + (apiKey == null ? "none" : "(set)") + ", seed=" + seed
                + ", sharedDataDir=" + sharedDataDir + ", maxDataBytes=" + maxDataBytes
                + ", maxRequestBytes=" + maxRequestBytes + ", readTimeout=" + readTimeout
                + ", idleTimeout=" + idleTimeout
                + ", demoCache=" + (demoCache == null ? "none" : demoCache) + ", readOnly=" + readOnly
                + ", synthetic=" + synthetic + "]";
    }
}
