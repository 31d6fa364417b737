package dev.skyloom.codec;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.AnnotatedType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The datapoint types a client has met, each built once from its dataset's {@link AnnotatedType}. Thread-safe: any
 * number of threads may register and look up types at once.
 */
public final class DatapointTypes {

    private record Key(String typeUrl, FileDescriptorSet set) {
    }

    private final Map<Key, DatapointType> byDefinition = new ConcurrentHashMap<>();
    private final Map<String, DatapointType> byTypeUrl = new ConcurrentHashMap<>();

    /** Creates an empty cache. */
    public DatapointTypes() {
    }

    /**
     * Resolves a dataset's type, building its descriptors the first time this type_url and descriptor set are seen;
     * later calls with an equal type_url and set return the same instance. The type becomes the one
     * {@link #forTypeUrl(String)} returns for its type_url (a changed set under the same type_url replaces it).
     *
     * @param type the {@code type} of a dataset, as GetDataset returns it
     * @return the resolved type
     * @throws SkyloomException.Internal if the set cannot be built (a missing dependency, an invalid file, no message
     *                                   named type_url) or the message lacks {@code time} or {@code id}
     */
    public DatapointType register(AnnotatedType type) {
        Key key = new Key(type.getTypeUrl(), type.getDescriptorSet());
        DatapointType resolved = byDefinition.computeIfAbsent(key,
                k -> new DatapointType(DescriptorSetResolver.resolve(k.set(), k.typeUrl()), k.typeUrl()));
        byTypeUrl.put(type.getTypeUrl(), resolved);
        return resolved;
    }

    /**
     * Looks up a registered type by the type_url a query page or {@code Any} carries.
     *
     * @param typeUrl the full message name
     * @return the type registered last under that name
     * @throws SkyloomException.Internal if no dataset with that type was registered
     */
    public DatapointType forTypeUrl(String typeUrl) {
        DatapointType type = byTypeUrl.get(typeUrl);
        if (type == null) {
            throw new SkyloomException.Internal("internal", "the service sent datapoints of type '" + typeUrl
                    + "', which matches none of the datasets' types known here " + byTypeUrl.keySet(), null);
        }
        return type;
    }
}
