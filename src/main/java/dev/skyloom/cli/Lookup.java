package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.CollectionInfo;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetInfo;
import dev.skyloom.DatasetsClient;
import dev.skyloom.SkyloomException;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds datasets and collections by the names given on the command line; a name that does not exist becomes a
 * {@link SkyloomException.NotFound} whose message lists the close names that do.
 */
final class Lookup {

    private Lookup() {
    }

    /**
     * @return the dataset with slug {@code slug}
     * @throws SkyloomException.NotFound naming the slug and the closest existing slugs
     */
    static Dataset dataset(DatasetsClient client, String slug) {
        try {
            return client.dataset(slug);
        } catch (SkyloomException.NotFound e) {
            List<String> slugs = client.datasets().datasets().stream().map(DatasetInfo::slug).toList();
            throw new SkyloomException.NotFound(e.code(), "no dataset '" + slug + "'"
                    + suggestion(CloseNames.to(slug, slugs)) + " ('skyloom datasets' lists them)", e);
        }
    }

    /**
     * @return the collections of {@code dataset} with the given names, in the given order
     * @throws SkyloomException.NotFound naming every unknown collection and the close names for each
     */
    static List<Collection> collections(Dataset dataset, String slug, List<String> names) {
        List<CollectionInfo> listed = dataset.collections();
        List<String> existing = listed.stream().map(CollectionInfo::name).toList();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!existing.contains(name)) {
                problems.add("'" + name + "'" + suggestion(CloseNames.to(name, existing)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SkyloomException.NotFound("not_found", "dataset " + slug + " has no collection "
                    + String.join(", no collection ", problems) + " ('skyloom collections " + slug
                    + "' lists them)", null);
        }
        // Handles from the listing: one round trip in all, not one more per name.
        return names.stream().map(name -> dataset.collection(listed.get(existing.indexOf(name)))).toList();
    }

    /** {@return {@code "; did you mean a, b or c?"} for the close names, or empty text when there are none} */
    static String suggestion(List<String> close) {
        if (close.isEmpty()) {
            return "";
        }
        if (close.size() == 1) {
            return "; did you mean " + close.getFirst() + "?";
        }
        return "; did you mean " + String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.getLast()
                + "?";
    }
}
