package dev.skyloom;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A group of datasets; groups form a tree whose code names make up the slugs of their datasets.
 *
 * @param id       the group's id
 * @param parentId the parent group's id; empty for a root group
 * @param codeName its snake_case code name, a slug component
 * @param name     its display name
 */
public record DatasetGroup(UUID id, Optional<UUID> parentId, String codeName, String name) {

    /** Checks that no component is null. */
    public DatasetGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(codeName, "codeName");
        Objects.requireNonNull(name, "name");
    }
}
