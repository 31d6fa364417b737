package dev.skyloom.local.store;

import dev.skyloom.local.store.DatapointStore.Stored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Merges several id-ordered sequences of datapoints (one per collection) into one page in id order: how a Query over
 * several collections is answered, whether they are stored or computed.
 */
public final class IdOrderedMerge {

    /**
     * One collection's datapoints in id order, read lazily.
     *
     * @param <E> what advancing may throw
     */
    public interface Source<E extends Exception> {

        /**
         * The datapoint the source is on, valid after {@link #advance()} returned true.
         *
         * @return the current datapoint
         */
        Stored current();

        /**
         * Moves to the next datapoint.
         *
         * @return false at the end
         * @throws E if reading fails
         */
        boolean advance() throws E;
    }

    private IdOrderedMerge() {
    }

    /**
     * The first {@code limit} datapoints of all sources, in id order, that pass {@code exact}.
     *
     * @param sources the sources, none advanced yet
     * @param exact   the test every returned datapoint passes
     * @param limit   the most datapoints returned
     * @param <E>     what advancing a source may throw
     * @return the page
     * @throws E if a source fails
     */
    public static <E extends Exception> List<Stored> first(List<? extends Source<E>> sources,
                                                           Predicate<Stored> exact, int limit) throws E {
        PriorityQueue<Source<E>> heads = new PriorityQueue<>(
                Comparator.comparing((Source<E> source) -> source.current().id(), Arrays::compareUnsigned));
        for (Source<E> source : sources) {
            if (source.advance()) {
                heads.add(source);
            }
        }
        List<Stored> page = new ArrayList<>();
        while (page.size() < limit && !heads.isEmpty()) {
            Source<E> head = heads.poll();
            if (exact.test(head.current())) {
                page.add(head.current());
            }
            if (head.advance()) {
                heads.add(head);
            }
        }
        return page;
    }
}
