package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ConcurrentLoader#load}: one {@link Outcome} per collection, in the order the collections
 * were given.
 *
 * @param outcomes one per collection, in input order
 * @param wallTime how long the whole load took
 */
public record LoadResult(List<Outcome> outcomes, Duration wallTime) {

    /** Checks that nothing is null and freezes the list. */
    public LoadResult {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(wallTime, "wallTime");
    }

    /** {@return the collections that loaded completely, in input order (all of them unless the mode is COLLECT)} */
    public List<CollectionLoad> loads() {
        return outcomes.stream().filter(Outcome.Success.class::isInstance)
                .map(o -> ((Outcome.Success) o).load()).toList();
    }

    /** {@return the collections that failed, in input order; always empty unless the mode is COLLECT} */
    public List<Outcome.Failure> failures() {
        return outcomes.stream().filter(Outcome.Failure.class::isInstance).map(Outcome.Failure.class::cast).toList();
    }

    /** {@return the figures of the successful collections added up, with the whole load's wall time} */
    public LoadStats totals() {
        return LoadStats.sum(loads().stream().map(CollectionLoad::stats).toList(), wallTime);
    }

    /** A summary, one outcome per collection, without the datapoints. */
    @Override
    public String toString() {
        return "LoadResult" + outcomes + " in " + wallTime;
    }
}
