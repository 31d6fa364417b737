package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.concurrent.CollectionSink;

import java.io.IOException;

/**
 * Writes the pages of every collection of a load into one document on standard output, with a {@code collection}
 * column first. A page is written whole, rows in time order, while the pages of other collections wait: the rows
 * of different collections interleave page by page, and no row is ever cut by another. What a failed collection had
 * written stays (standard output cannot be taken back); the exit code says it failed.
 */
final class StdoutSinks implements CollectionSink.Factory {

    private final DatapointWriter writer;

    /** @param writer the document, shared by every collection; {@link #finish} completes it */
    StdoutSinks(DatapointWriter writer) {
        this.writer = writer;
    }

    @Override
    public CollectionSink open(Collection collection) {
        String name = collection.name();
        return page -> {
            synchronized (writer) {
                writer.write(name, page.datapoints());
            }
        };
    }

    /**
     * Completes the document (closing brackets, a table) and flushes it.
     *
     * @throws IOException if standard output cannot be written
     */
    void finish() throws IOException {
        synchronized (writer) {
            writer.finish();
        }
    }
}
