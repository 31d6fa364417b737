package dev.skyloom;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every dataset visible to the caller, with the groups they are organised in.
 *
 * @param groups   all groups, parents before children
 * @param datasets all datasets, ordered by slug
 */
public record DatasetCatalog(List<DatasetGroup> groups, List<DatasetInfo> datasets) {

    /** Copies both lists; datasets are sorted by slug. */
    public DatasetCatalog {
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        datasets = datasets.stream().sorted(Comparator.comparing(DatasetInfo::slug)).toList();
    }

    /**
     * The groups without a parent.
     *
     * @return the root groups
     */
    public List<DatasetGroup> roots() {
        return groups.stream().filter(g -> g.parentId().isEmpty()).toList();
    }

    /**
     * The direct child groups of {@code group}.
     *
     * @param group a group of this catalogue
     * @return its children
     */
    public List<DatasetGroup> children(DatasetGroup group) {
        return groups.stream().filter(g -> g.parentId().filter(group.id()::equals).isPresent()).toList();
    }

    /**
     * The datasets directly in {@code group}.
     *
     * @param group a group of this catalogue
     * @return its datasets
     */
    public List<DatasetInfo> datasetsIn(DatasetGroup group) {
        UUID id = group.id();
        return datasets.stream().filter(d -> d.groupId().equals(id)).toList();
    }
}
