package dev.skyloom.local.store;

import dev.skyloom.wire.datasets.v1.AnnotatedType;

import java.util.Objects;
import java.util.UUID;

/** The rows of the local catalogue: dataset groups, datasets and collections, as the store reads and writes them. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /** A dataset group; {@code parentId} is null for a root group. */
    public record Group(UUID id, UUID parentId, String codeName, String name) {
        /** Rejects a null component; only {@code parentId} may be null. */
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(codeName, "codeName");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A dataset with its compiled datapoint type. */
    public record Dataset(UUID id, UUID groupId, String codeName, String name, String summary, String description,
                          AnnotatedType type) {
        /** Rejects a null component. */
        public Dataset {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(codeName, "codeName");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A collection of a dataset. */
    public record Collection(UUID id, UUID datasetId, String name) {
        /** Rejects a null component. */
        public Collection {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(name, "name");
        }
    }
}
