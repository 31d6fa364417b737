package dev.skyloom.local.store;

import dev.skyloom.wire.datasets.v1.AnnotatedType;

import java.util.Objects;
import java.util.UUID;

/** The rows of the local catalogue: dataset groups, datasets and collections, as the store reads and writes them. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /**
     * A dataset group.
     *
     * @param id       its id
     * @param parentId its parent's id, or null for a root group
     * @param codeName its code name, one part of a dataset slug, e.g. {@code copernicus}
     * @param name     its display name
     */
    public record Group(UUID id, UUID parentId, String codeName, String name) {
        /** Rejects a null component; only {@code parentId} may be null. */
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(codeName, "codeName");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A dataset with its compiled datapoint type.
     *
     * @param id          its id
     * @param groupId     its group's id
     * @param codeName    its code name, the last part of its slug, e.g. {@code sentinel2_msi}
     * @param name        its display name
     * @param summary     a one-line summary
     * @param description a longer description, Markdown
     * @param type        its datapoint type
     */
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

    /**
     * A collection of a dataset.
     *
     * @param id        its id
     * @param datasetId its dataset's id
     * @param name      its name, unique in the dataset
     */
    public record Collection(UUID id, UUID datasetId, String name) {
        /** Rejects a null component. */
        public Collection {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(name, "name");
        }
    }
}
