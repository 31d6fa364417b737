package dev.skyloom.cli;

import java.util.Locale;

/** The formats datapoints can be written in; the command-line names are the lower-case constant names. */
enum OutputFormat {
    /** Aligned columns of a few key fields, for reading in a terminal (the default when stdout is one). */
    TABLE("txt"),
    /** RFC 4180 comma-separated values with a header row (the default when stdout is not a terminal). */
    CSV("csv"),
    /** One JSON object per datapoint and line. */
    JSONL("jsonl"),
    /** One RFC 7946 FeatureCollection, the footprint as each feature's geometry. */
    GEOJSON("geojson"),
    /** A GeoParquet 1.1 file, the footprint as a WKB column; binary, so written to files only. */
    PARQUET("parquet");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** @return whether the format is binary, and so never written to standard output */
    boolean binary() {
        return this == PARQUET;
    }

    /** @return the file name extension for this format, without the dot */
    String extension() {
        return extension;
    }

    /** @return the name used on the command line */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
