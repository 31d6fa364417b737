package dev.skyloom;

/** What indexes a dataset's datapoints. */
public enum DatasetKind {
    /** Datapoints have a time (and an id and ingestion time). */
    TEMPORAL,
    /** Datapoints also have a geometry, and can be queried by area. */
    SPATIOTEMPORAL
}
