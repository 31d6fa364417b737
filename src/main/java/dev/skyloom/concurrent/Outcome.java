package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.SkyloomException;

import java.util.Objects;

/**
 * What became of one collection in a load: its datapoints, or the error that stopped it. A load in
 * {@link LoadMode#FAIL_FAST} mode returns only successes (it throws instead); in {@link LoadMode#COLLECT} mode
 * both kinds come back.
 * {@snippet :
 * for (Outcome outcome : result.outcomes()) {
 *     switch (outcome) {
 *         case Outcome.Success s -> System.out.println(s.load().datapoints().size());
 *         case Outcome.Failure f -> System.err.println(f.error().getMessage());
 *     }
 * }
 * }
 */
public sealed interface Outcome {

    /**
     * The collection this outcome is about.
     *
     * @return the collection
     */
    Collection collection();

    /**
     * The collection loaded completely.
     *
     * @param load its datapoints and figures
     */
    record Success(CollectionLoad load) implements Outcome {
        /** Checks that the load is not null. */
        public Success {
            Objects.requireNonNull(load, "load");
        }

        @Override
        public Collection collection() {
            return load.collection();
        }
    }

    /**
     * Loading the collection failed.
     *
     * @param collection the collection
     * @param error      why, with a message that starts {@code "loading <name> failed: "}; a
     *                   {@link SkyloomException.DeadlineExceeded} if the load's deadline passed first
     */
    record Failure(Collection collection, SkyloomException error) implements Outcome {
        /** Checks that nothing is null. */
        public Failure {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(error, "error");
        }
    }
}
