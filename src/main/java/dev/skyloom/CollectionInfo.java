package dev.skyloom;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A collection as the service describes it.
 *
 * @param name         the collection's name, unique within its dataset
 * @param id           the collection's id
 * @param availability the time range its datapoints cover (the service reports it end-inclusive); empty when the
 *                     collection has no datapoints or the server did not report it
 * @param count        the number of datapoints, when the server reported it
 */
public record CollectionInfo(String name, UUID id, Optional<TimeInterval> availability, OptionalLong count) {

    /** Checks that no component is null. */
    public CollectionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(count, "count");
    }
}
