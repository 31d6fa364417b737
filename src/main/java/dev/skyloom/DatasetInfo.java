package dev.skyloom;

import java.util.Objects;
import java.util.UUID;

/**
 * A dataset as listed by the service.
 *
 * @param id       the dataset's id
 * @param groupId  the id of the group it belongs to
 * @param slug     its full slug, e.g. {@code open_data.copernicus.sentinel2_msi}
 * @param codeName its snake_case code name, the last component of the slug
 * @param name     its display name
 * @param summary  a short summary (may be empty)
 * @param kind     temporal or spatio-temporal
 */
public record DatasetInfo(UUID id, UUID groupId, String slug, String codeName, String name, String summary,
                          DatasetKind kind) {

    /** Checks that no component is null. */
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(codeName, "codeName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(kind, "kind");
    }
}
