package dev.skyloom.cli;

import dev.skyloom.Datapoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Datapoints made from field maps, for writer tests. */
final class TestDatapoints {

    private TestDatapoints() {
    }

    /** @return a datapoint whose fields are {@code fields}, which must hold an {@code id} and a {@code time} */
    static Datapoint of(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        List<String> names = new ArrayList<>(copy.keySet());
        return new Datapoint("test.v1.Datapoint", (UUID) copy.get("id"), (Instant) copy.get("time"), names,
                () -> copy);
    }

    /** @return the datapoints of each batch, in order */
    static List<List<Datapoint>> batches(List<List<Map<String, Object>>> batches) {
        return batches.stream().map(batch -> batch.stream().map(TestDatapoints::of).toList()).toList();
    }
}
