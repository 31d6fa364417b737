package dev.skyloom.local.store;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;

/**
 * A dataset's datapoint type resolved into a protobuf descriptor, with the fixed fields looked up by name
 * ({@code time}, {@code id}, {@code ingestion_time} and, for spatio-temporal datasets, {@code geometry}).
 *
 * @param typeUrl       the full message name, as sent in {@code type_url}
 * @param descriptor    the datapoint message
 * @param time          the {@code time} field
 * @param id            the {@code id} field
 * @param ingestionTime the {@code ingestion_time} field
 * @param geometry      the {@code geometry} field, or null for temporal datasets
 */
public record DatasetSchema(String typeUrl, Descriptor descriptor, FieldDescriptor time,
                            FieldDescriptor id, FieldDescriptor ingestionTime, FieldDescriptor geometry) {

    /**
     * Resolves an annotated type.
     *
     * @throws IllegalArgumentException if the descriptor set does not build, lacks the type or its fixed fields
     */
    static DatasetSchema of(AnnotatedType type) {
        Descriptor message = DatapointTypes.resolve(type);
        boolean spatial = type.getKind() == DatasetKind.DATASET_KIND_SPATIOTEMPORAL;
        return new DatasetSchema(type.getTypeUrl(), message, field(message, "time"),
                field(message, "id"), field(message, "ingestion_time"), spatial ? field(message, "geometry") : null);
    }

    private static FieldDescriptor field(Descriptor message, String name) {
        FieldDescriptor field = message.findFieldByName(name);
        if (field == null) {
            throw new IllegalArgumentException("type " + message.getFullName() + " has no field '" + name + "'");
        }
        return field;
    }

    /**
     * Whether datapoints of this dataset have a geometry (and so may be filtered spatially).
     *
     * @return true for a spatio-temporal dataset
     */
    public boolean spatioTemporal() {
        return geometry != null;
    }

    /**
     * The {@code skip_data} form of a stored datapoint: only {@code time}, {@code id} and {@code ingestion_time}, the
     * latter truncated to milliseconds.
     *
     * @param datapoint the stored datapoint
     * @return the serialized metadata-only datapoint
     */
    public byte[] metadataOnly(DynamicMessage datapoint) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(descriptor);
        builder.setField(time, datapoint.getField(time));
        builder.setField(id, datapoint.getField(id));
        if (datapoint.hasField(ingestionTime)) {
            long ingestedMs = DatapointIds.floorMs(timestamp(datapoint.getField(ingestionTime)));
            builder.setField(ingestionTime, DatapointIds.timestampOfMs(ingestedMs));
        }
        return builder.build().toByteArray();
    }

    /**
     * The value of a Timestamp field, whether parsed as a generated or as a dynamic message.
     *
     * @param fieldValue the field's value, a {@code Timestamp} or a {@code DynamicMessage}
     * @return the timestamp
     */
    public static Timestamp timestamp(Object fieldValue) {
        if (fieldValue instanceof Timestamp timestamp) {
            return timestamp;
        }
        try {
            return Timestamp.parseFrom(((Message) fieldValue).toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a Timestamp field holds no Timestamp", e);
        }
    }
}
