package dev.skyloom.codec;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.skyloom.codec.WireRow.Kind;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link WireRow} knows of a datapoint type before it reads a datapoint: one slot per field in number order,
 * with its name, {@link Kind}, protobuf and wire type, presence, default text and enum names, and the slot of each
 * field number. Immutable once made; the arrays are shared with the readers of the type and never written.
 */
final class WireLayout {

    final DatapointType type;
    final String[] names;
    final Kind[] kinds;
    final FieldDescriptor.Type[] types;
    final int[] wireTypes;
    final boolean[] presence;
    final String[] textZero;
    final Map<Integer, String>[] enumValues;
    final int[] slotByNumber;
    final Map<Integer, Integer> sparse = new HashMap<>();

    @SuppressWarnings("unchecked")
    private WireLayout(DatapointType type, List<FieldDescriptor> fields, Kind[] kinds) {
        this.type = type;
        int n = fields.size();
        this.names = fields.stream().map(FieldDescriptor::getName).toArray(String[]::new);
        this.kinds = kinds;
        this.types = new FieldDescriptor.Type[n];
        this.wireTypes = new int[n];
        this.presence = new boolean[n];
        this.textZero = new String[n];
        this.enumValues = new Map[n];
        int highest = 0;
        for (int i = 0; i < n; i++) {
            FieldDescriptor field = fields.get(i);
            types[i] = field.getType();
            wireTypes[i] = field.getLiteType().getWireType();
            presence[i] = field.hasPresence();
            if (kinds[i] == Kind.TEXT && !presence[i]) {
                textZero[i] = (String) MessageValues.defaultValue(field);
            }
            if (types[i] == FieldDescriptor.Type.ENUM) {
                Map<Integer, String> values = new HashMap<>();
                for (EnumValueDescriptor value : field.getEnumType().getValues()) {
                    values.putIfAbsent(value.getNumber(), value.getName());
                }
                enumValues[i] = values;
            }
            highest = Math.max(highest, Math.min(field.getNumber(), 1024));
        }
        this.slotByNumber = new int[highest + 1];
        Arrays.fill(slotByNumber, -1);
        for (int i = 0; i < n; i++) {
            int number = fields.get(i).getNumber();
            if (number < slotByNumber.length) {
                slotByNumber[number] = i;
            } else {
                sparse.put(number, i);
            }
        }
    }

    /**
     * Plans the slots of a datapoint type.
     *
     * @return the layout, or null if a field of the type is of a shape {@link WireRow} does not read (repeated, map,
     *         bytes, duration, nested message, oneof member)
     */
    static WireLayout of(DatapointType type) {
        List<FieldDescriptor> fields = MessageValues.inNumberOrder(type.descriptor());
        Kind[] kinds = new Kind[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            FieldDescriptor field = fields.get(i);
            if (field.isRepeated() || field.getRealContainingOneof() != null) {
                return null;
            }
            kinds[i] = kindOf(field);
            if (kinds[i] == null) {
                return null;
            }
        }
        return new WireLayout(type, fields, kinds);
    }

    private static Kind kindOf(FieldDescriptor field) {
        return switch (field.getType()) {
            case DOUBLE -> Kind.DOUBLE;
            case FLOAT -> Kind.FLOAT;
            case INT64, SINT64, SFIXED64, UINT32, FIXED32 -> Kind.LONG;
            case UINT64, FIXED64 -> Kind.UNSIGNED_LONG;
            case INT32, SINT32, SFIXED32 -> Kind.INT;
            case BOOL -> Kind.BOOLEAN;
            case STRING, ENUM -> Kind.TEXT;
            case MESSAGE -> messageKind(field.getMessageType());
            default -> null;
        };
    }

    private static Kind messageKind(Descriptor message) {
        List<FieldDescriptor> fields = message.getFields();
        return switch (message.getFullName()) {
            case MessageValues.TIMESTAMP -> fields.size() == 2 && plain(fields.get(0), 1, FieldDescriptor.Type.INT64)
                    && plain(fields.get(1), 2, FieldDescriptor.Type.INT32) ? Kind.TIMESTAMP : null;
            case MessageValues.DATASETS_UUID, MessageValues.TILEBOX_ID ->
                    fields.size() == 1 && plain(fields.getFirst(), 1, FieldDescriptor.Type.BYTES) ? Kind.UUID : null;
            case MessageValues.GEOMETRY ->
                    fields.size() == 1 && plain(fields.getFirst(), 1, FieldDescriptor.Type.BYTES) ? Kind.GEOMETRY
                            : null;
            default -> null;
        };
    }

    private static boolean plain(FieldDescriptor field, int number, FieldDescriptor.Type type) {
        return field.getNumber() == number && field.getType() == type && !field.isRepeated();
    }
}
