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

    /**
     * The collections that loaded completely, in input order (all of them unless the mode is COLLECT).
     *
     * @return the successful loads
     */
    public List<CollectionLoad> loads() {
        return outcomes.stream().filter(Outcome.Success.class::isInstance)
                .map(o -> ((Outcome.Success) o).load()).toList();
    }

    /**
     * The collections that failed, in input order; always empty unless the mode is COLLECT.
     *
     * @return the failures
     */
    public List<Outcome.Failure> failures() {
        return outcomes.stream().filter(Outcome.Failure.class::isInstance).map(Outcome.Failure.class::cast).toList();
    }

    /**
     * The figures of the successful collections added up, with the whole load's wall time.
     *
     * @return the totals
     */
    public LoadStats totals() {
        List<LoadStats> stats = loads().stream().map(CollectionLoad::stats).toList();
        return new LoadStats(stats.stream().mapToLong(LoadStats::pages).sum(),
                stats.stream().mapToLong(LoadStats::datapoints).sum(),
                stats.stream().mapToLong(LoadStats::bytes).sum(), wallTime);
    }

    /** A summary, one outcome per collection, without the datapoints. */
    @Override
    public String toString() {
        return "LoadResult" + outcomes + " in " + wallTime;
    }
}
