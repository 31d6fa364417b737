package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Page;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.CollectionSink;
import dev.skyloom.concurrent.LoadStats;

/**
 * Tells the progress display what each sink has written, for the whole-job line's "written" note: a page counts once
 * its sink has taken it.
 */
record CountedSinks(CollectionSink.Factory sinks, ProgressDisplay progress) implements CollectionSink.Factory {

    @Override
    public CollectionSink open(Collection collection) throws Exception {
        CollectionSink sink = sinks.open(collection);
        return new CollectionSink() {
            @Override
            public void page(Page page) throws Exception {
                sink.page(page);
                progress.written(page.datapoints().size());
            }

            @Override
            public void complete(LoadStats stats) throws Exception {
                sink.complete(stats);
            }

            @Override
            public void abort(SkyloomException error) {
                sink.abort(error);
            }
        };
    }
}
