package dev.skyloom.cli;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Locale;

/**
 * How the pages of a GeoParquet file are compressed ({@code --compression}); the command-line names are the
 * lower-case constant names. Every codec here runs without printing JDK warnings (see {@link ParquetCodecs}).
 */
enum ParquetCompression {
    /** Zstandard, level 1: the default, the smallest files (Landsat-8 2020: 12.4 MB, 14.1 MB gzip, 49.8 MB none). */
    ZSTD(CompressionCodecName.ZSTD),
    /** gzip through the JDK's own zlib, level 1: no extra library; larger files and slower writing than zstd. */
    GZIP(CompressionCodecName.GZIP),
    /** No compression (pages are still dictionary- and run-length-encoded). */
    NONE(CompressionCodecName.UNCOMPRESSED);

    /** What files are written with unless {@code --compression} says otherwise. */
    static final ParquetCompression DEFAULT = ZSTD;

    private final CompressionCodecName codec;

    ParquetCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    /** @return the Parquet codec name written into the file */
    CompressionCodecName codec() {
        return codec;
    }

    /** @return the name used on the command line */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
