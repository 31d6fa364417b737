package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ConcurrentLoader#stream}: one {@link StreamOutcome} per collection, in the order the
 * collections were given.
 *
 * @param outcomes one per collection, in input order
 * @param wallTime how long the whole load took, the sinks' work included
 */
public record StreamResult(List<StreamOutcome> outcomes, Duration wallTime) {

    /** Checks that nothing is null and freezes the list. */
    public StreamResult {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(wallTime, "wallTime");
    }

    /** {@return the collections that completed, in input order (all of them unless the mode is COLLECT)} */
    public List<StreamOutcome.Completed> completed() {
        return outcomes.stream().filter(StreamOutcome.Completed.class::isInstance)
                .map(StreamOutcome.Completed.class::cast).toList();
    }

    /** {@return the collections that failed, in input order; always empty unless the mode is COLLECT} */
    public List<Outcome.Failure> failures() {
        return outcomes.stream().filter(Outcome.Failure.class::isInstance).map(Outcome.Failure.class::cast).toList();
    }

    /** {@return the figures of the completed collections added up, with the whole load's wall time} */
    public LoadStats totals() {
        return LoadStats.sum(completed().stream().map(StreamOutcome.Completed::stats).toList(), wallTime);
    }
}
