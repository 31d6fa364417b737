package dev.skyloom;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes the items given to {@link Collection#ingest} as datapoint messages of the dataset's type. An item is a
 * {@link Datapoint}, a {@code Map} from field names to values, or any record or bean (its properties read with
 * Jackson, names matched in snake_case, so {@code cloudCover} and {@code cloud_cover} both fill {@code cloud_cover}).
 * Null values and missing fields stay unset; {@code id} and {@code ingestion_time} are ignored (the service sets
 * them); {@code time} is required; a name the type does not have is an error. Values are converted by
 * {@link FieldValueEncoder}.
 */
final class IngestEncoder {

    private static final Set<String> SERVER_SET = Set.of("id", "ingestion_time");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final Descriptor type;
    private final FieldDescriptor time;

    IngestEncoder(Descriptor type) {
        this.type = type;
        this.time = type.findFieldByName("time");
    }

    /**
     * Encodes one item.
     *
     * @param index the item's position, named in errors
     * @throws InvalidItemException naming the item and field, if the item cannot be encoded
     */
    ByteString encode(Object item, int index) {
        if (item == null) {
            throw new InvalidItemException(index, null, "the item is null", null);
        }
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        for (Map.Entry<String, Object> entry : properties(item, index).entrySet()) {
            String name = entry.getKey();
            if (SERVER_SET.contains(name) || entry.getValue() == null) {
                continue;
            }
            FieldDescriptor field = type.findFieldByName(name);
            if (field == null) {
                throw new InvalidItemException(index, name, "no such field; the fields of " + type.getName()
                        + " are " + String.join(", ", type.getFields().stream().map(FieldDescriptor::getName).toList()),
                        null);
            }
            try {
                message.setField(field, FieldValueEncoder.value(field, entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidItemException(index, name, e.getMessage(), e);
            }
        }
        if (time == null || !message.hasField(time)) {
            throw new InvalidItemException(index, "time", "missing; every datapoint needs a time", null);
        }
        return message.build().toByteString();
    }

    private static Map<String, Object> properties(Object item, int index) {
        switch (item) {
            case Datapoint datapoint -> {
                return datapoint.fields();
            }
            case Map<?, ?> map -> {
                Map<String, Object> named = new LinkedHashMap<>();
                map.forEach((key, value) -> named.put(String.valueOf(key), value));
                return named;
            }
            case CharSequence _, Number _, Boolean _, List<?> _ -> throw new InvalidItemException(index, null,
                    "a " + item.getClass().getSimpleName() + " is not a datapoint; items are records, beans, maps or "
                    + "Datapoints", null);
            default -> {
                return beanProperties(item, index);
            }
        }
    }

    private static Map<String, Object> beanProperties(Object item, int index) {
        BeanDescription description = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(item.getClass()));
        Map<String, Object> named = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null) {
                continue;
            }
            try {
                accessor.fixAccess(true);
                named.put(property.getName(), accessor.getValue(item));
            } catch (RuntimeException e) {
                throw new InvalidItemException(index, property.getName(), "cannot read it from "
                        + item.getClass().getName() + ": " + e.getMessage(), e);
            }
        }
        if (named.isEmpty()) {
            throw new InvalidItemException(index, null, item.getClass().getName()
                    + " has no readable properties; items are records, beans, maps or Datapoints", null);
        }
        return named;
    }
}
