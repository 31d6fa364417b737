package dev.skyloom.local;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogRows.Group;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.Names;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.DatasetGroup;
import dev.skyloom.wire.datasets.v1.DatasetPermission;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Visibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * DatasetService: ListDatasets, GetDataset, CreateDataset, UpdateDataset. Datasets created through the API go into the
 * group {@value #USER_GROUP_CODE_NAME} (a fixed id), created on first use; their slug is {@code my_org.<code_name>}.
 */
final class DatasetRpcs {

    /** The code name of the group that holds datasets created by API callers. */
    static final String USER_GROUP_CODE_NAME = "my_org";
    /** The fixed id of that group. */
    static final UUID USER_GROUP_ID = UUID.fromString("0190b1c0-0000-7000-8000-00000000a11c");

    private final CatalogStore catalog;
    private final Datapoints datapoints;

    DatasetRpcs(CatalogStore catalog, Datapoints datapoints) {
        this.catalog = catalog;
        this.datapoints = datapoints;
    }

    ListDatasetsResponse list(ListDatasetsRequest request) {
        Slugs slugs = slugs();
        ListDatasetsResponse.Builder response = ListDatasetsResponse.newBuilder();
        long owned = 0;
        for (Dataset dataset : catalog.datasets()) {
            response.addDatasets(toWire(dataset, slugs));
            owned += dataset.groupId().equals(USER_GROUP_ID) ? 1 : 0;
        }
        for (Group group : catalog.groups()) {
            DatasetGroup.Builder wire = DatasetGroup.newBuilder().setId(DatapointIds.wire(group.id()))
                    .setCodeName(group.codeName()).setName(group.name());
            if (group.parentId() != null) {
                wire.setParentId(DatapointIds.wire(group.parentId()));
            }
            response.addGroups(wire);
        }
        return response.setOwnedDatasets(owned).build();
    }

    dev.skyloom.wire.datasets.v1.Dataset get(GetDatasetRequest request) {
        boolean bySlug = !request.getSlug().isEmpty();
        if (bySlug == request.hasId()) {
            throw RpcException.invalidArgument("exactly one of slug or id is required");
        }
        Slugs slugs = slugs();
        if (request.hasId()) {
            return toWire(Scope.dataset(catalog, request.getId()), slugs);
        }
        String slug = Names.slug(request.getSlug());
        List<Dataset> all = catalog.datasets();
        for (Dataset dataset : all) {
            if (slugs.of(dataset).equals(slug)) {
                return toWire(dataset, slugs);
            }
        }
        if (!slug.contains(".")) {
            List<Dataset> byCodeName = catalog.datasetsByCodeName(slug);
            for (Dataset dataset : byCodeName) {
                if (dataset.groupId().equals(USER_GROUP_ID)) {
                    return toWire(dataset, slugs);
                }
            }
            if (byCodeName.size() == 1) {
                return toWire(byCodeName.getFirst(), slugs);
            }
        }
        throw RpcException.notFound("no such dataset " + InputText.quoted(slug));
    }

    dev.skyloom.wire.datasets.v1.Dataset create(CreateDatasetRequest request) {
        checkName(request.getName());
        checkCodeName(request.getCodeName());
        checkTexts(request.getSummary(), request.getDescription());
        if (!request.hasType()) {
            throw RpcException.invalidArgument("type is required");
        }
        catalog.ensureGroup(new Group(USER_GROUP_ID, null, USER_GROUP_CODE_NAME, "My organization"));
        Dataset dataset = new Dataset(UUID.randomUUID(), USER_GROUP_ID, request.getCodeName(), request.getName(),
                request.getSummary(), request.getDescription(),
                compile(USER_GROUP_ID, request.getCodeName(), request.getType()));
        catalog.insertDataset(dataset);
        return toWire(dataset, slugs());
    }

    dev.skyloom.wire.datasets.v1.Dataset update(UpdateDatasetRequest request) {
        if (!request.hasId()) {
            throw RpcException.invalidArgument("id is required");
        }
        Dataset old = Scope.dataset(catalog, request.getId());
        String codeName = request.hasCodeName() ? request.getCodeName() : old.codeName();
        String name = request.hasName() ? request.getName() : old.name();
        String summary = request.hasSummary() ? request.getSummary() : old.summary();
        String description = request.hasDescription() ? request.getDescription() : old.description();
        checkName(name);
        checkCodeName(codeName);
        checkTexts(summary, description);
        AnnotatedType type = old.type();
        if (request.hasType()) {
            type = recompile(old.groupId(), codeName, request.getType(), old.type());
            if (hasDatapoints(old)) {
                requireKeepsFields(old.type(), type);
            }
        }
        Dataset updated = new Dataset(old.id(), old.groupId(), codeName, name, summary, description, type);
        catalog.updateDataset(updated);
        return toWire(updated, slugs());
    }

    private boolean hasDatapoints(Dataset dataset) {
        for (Collection collection : catalog.collections(dataset.id())) {
            if (datapoints.count(collection.id()) > 0) {
                return true;
            }
        }
        return false;
    }

    private static void requireKeepsFields(AnnotatedType old, AnnotatedType updated) {
        List<FieldDescriptorProto> newFields = updated.getDescriptorSet().getFile(0).getMessageType(0).getFieldList();
        for (FieldDescriptorProto field : old.getDescriptorSet().getFile(0).getMessageType(0).getFieldList()) {
            boolean kept = newFields.stream().anyMatch(f -> f.getName().equals(field.getName())
                    && f.getNumber() == field.getNumber() && f.getType() == field.getType()
                    && f.getTypeName().equals(field.getTypeName()) && f.getLabel() == field.getLabel());
            if (!kept) {
                throw RpcException.invalidArgument("field '" + field.getName() + "' cannot be removed or changed: "
                        + "the dataset already has datapoints");
            }
        }
    }

    private static AnnotatedType recompile(UUID groupId, String codeName, DatasetType type, AnnotatedType old) {
        try {
            return DatasetTypeCompiler.recompile(groupId, codeName, type, old);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidArgument("invalid dataset type: " + e.getMessage());
        }
    }

    private static AnnotatedType compile(UUID groupId, String codeName, DatasetType type) {
        try {
            return DatasetTypeCompiler.compile(groupId, codeName, type);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidArgument("invalid dataset type: " + e.getMessage());
        }
    }

    private static void checkName(String name) {
        Names.name("dataset name", name);
    }

    private static void checkCodeName(String codeName) {
        Names.codeName("code name", codeName);
    }

    private static void checkTexts(String summary, String description) {
        Names.text("summary", summary, Names.MAX_SUMMARY);
        Names.text("description", description, Names.MAX_DESCRIPTION);
    }

    private dev.skyloom.wire.datasets.v1.Dataset toWire(Dataset dataset, Slugs slugs) {
        boolean own = dataset.groupId().equals(USER_GROUP_ID);
        var wire = dev.skyloom.wire.datasets.v1.Dataset.newBuilder()
                .setId(DatapointIds.wire(dataset.id())).setGroupId(DatapointIds.wire(dataset.groupId()))
                .setType(dataset.type()).setCodeName(dataset.codeName()).setName(dataset.name())
                .setSummary(dataset.summary()).setDescription(dataset.description()).setSlug(slugs.of(dataset))
                .setVisibility(own ? Visibility.VISIBILITY_PRIVATE : Visibility.VISIBILITY_PUBLIC)
                .addPermissions(DatasetPermission.DATASET_PERMISSION_ACCESS_DATA);
        if (own) {
            wire.addPermissions(DatasetPermission.DATASET_PERMISSION_WRITE_DATA)
                    .addPermissions(DatasetPermission.DATASET_PERMISSION_EDIT)
                    .setTypeEditable(!hasDatapoints(dataset));
        }
        return wire.build();
    }

    private Slugs slugs() {
        Map<UUID, Group> groups = new HashMap<>();
        for (Group group : catalog.groups()) {
            groups.put(group.id(), group);
        }
        return new Slugs(groups);
    }

    /** Builds slugs: the group code names from the root down, then the dataset code name, joined with dots. */
    private record Slugs(Map<UUID, Group> groups) {
        String of(Dataset dataset) {
            StringBuilder slug = new StringBuilder(dataset.codeName());
            Group group = groups.get(dataset.groupId());
            for (int depth = 0; group != null && depth < 32; depth++) {
                slug.insert(0, group.codeName() + ".");
                group = group.parentId() == null ? null : groups.get(group.parentId());
            }
            return slug.toString();
        }
    }
}
