package dev.skyloom.cli;

import dev.skyloom.Page;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.CollectionSink;
import dev.skyloom.concurrent.LoadStats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one collection's pages into its own file as they arrive: under a temporary name, renamed to
 * {@code <collection>.<extension>} when the collection is complete, deleted if it fails.
 */
final class FileSink implements CollectionSink {

    private final AtomicFiles.Part file;
    private final Writer text;
    private final DatapointWriter writer;

    private FileSink(AtomicFiles.Part file, Writer text, DatapointWriter writer) {
        this.file = file;
        this.text = text;
        this.writer = writer;
    }

    /**
     * Opens the temporary file of collection {@code name} in {@code files}.
     *
     * @param warnings    receives one-line notices about data the format cannot hold
     * @param compression how a Parquet file's pages are compressed
     * @param fields      the fields to write, in order; empty for every field
     * @throws IOException if the file cannot be created
     */
    static FileSink open(AtomicFiles files, String name, OutputFormat format, Consumer<String> warnings,
                         ParquetCompression compression, List<String> fields) throws IOException {
        AtomicFiles.Part file = files.create(name + "." + format.extension());
        try {
            // a binary writer opens its file itself
            Writer text = format.binary() ? null : OutputTarget.textFile(file.temp());
            return new FileSink(file, text, DatapointWriter.of(format, text, file.temp(), warnings, compression,
                    fields));
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
    }

    @Override
    public void page(Page page) throws IOException {
        writer.write(page.datapoints());
    }

    @Override
    public void complete(LoadStats stats) throws IOException {
        writer.finish();
        if (text != null) {
            text.close();
        }
        file.commit();
    }

    @Override
    public void abort(SkyloomException error) {
        if (text != null) {
            try {
                text.close();
            } catch (IOException e) {
                error.addSuppressed(e);
            }
        }
        file.discard();
    }
}
