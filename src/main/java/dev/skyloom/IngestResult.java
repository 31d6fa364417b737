package dev.skyloom;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an ingest did.
 *
 * @param ids      the id of every ingested item, in the order of the items (including items that already existed)
 * @param created  how many datapoints the ingest stored
 * @param existing how many items were already stored (identical field values give identical ids) and were skipped
 */
public record IngestResult(List<UUID> ids, long created, long existing) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public IngestResult {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        if (created < 0 || existing < 0) {
            throw new IllegalArgumentException("ingest counts must not be negative, got " + created + " created and "
                    + existing + " existing");
        }
    }
}
