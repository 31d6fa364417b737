package dev.skyloom.cli;

import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the CLI's writers outside a command, for the benchmark suite (the writers are package-private): one file per
 * run, opened as the commands open theirs.
 */
public final class WriterRuns {

    private WriterRuns() {
    }

    /**
     * Writes {@code pages} to {@code file} in {@code format}, page by page, and finishes the file.
     *
     * @param format      a {@code --format} name: csv, jsonl, geojson or parquet
     * @param compression a {@code --compression} name (parquet only): zstd, gzip or none
     * @param pages       the batches, each obtained when its turn comes (so decoding can be timed with writing)
     * @return the file's size in bytes
     * @throws IOException if the file cannot be written
     */
    public static long write(String format, String compression, List<Supplier<List<Datapoint>>> pages, Path file)
            throws IOException {
        OutputFormat outputFormat = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        ParquetCompression codec = ParquetCompression.valueOf(compression.toUpperCase(Locale.ROOT));
        try (Writer out = outputFormat.binary() ? Writer.nullWriter()
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            DatapointWriter writer = DatapointWriter.of(outputFormat, out, file, message -> { }, codec);
            for (Supplier<List<Datapoint>> page : pages) {
                writer.write(page.get());
            }
            writer.finish();
        }
        return Files.size(file);
    }
}
