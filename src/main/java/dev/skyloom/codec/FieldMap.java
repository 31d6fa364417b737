package dev.skyloom.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The set fields of one decoded message, as {@link dev.skyloom.Datapoint#fields()} documents them: an unmodifiable
 * map in field-number order, backed by one array of values per message and the names its type shares with every
 * other message of that type. It costs one array per message where a {@code LinkedHashMap} costs an entry object
 * per field, and {@link dev.skyloom.Datapoint} keeps it without copying.
 */
public final class FieldMap extends AbstractMap<String, Object> {

    private final Keys keys;
    private final Object[] values;
    private final int size;

    /**
     * @param values one value per name of {@code keys}, null for an unset field; the map takes ownership
     */
    FieldMap(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        int set = 0;
        for (Object value : values) {
            if (value != null) {
                set++;
            }
        }
        this.size = set;
    }

    /** {@return how many fields are set} */
    @Override
    public int size() {
        return size;
    }

    /** {@return the value of the field named {@code key}, or null if it is unset or the type has no such field} */
    @Override
    public Object get(Object key) {
        Integer slot = keys.slots.get(key);
        return slot == null ? null : values[slot];
    }

    /** {@return whether the field named {@code key} is set} */
    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /**
     * {@return whether a value of this map may hold a {@code byte[]} at some depth (false when the type has no
     * {@code bytes} field outside UUID and Geometry messages, at any depth)}
     */
    public boolean mayHoldBytes() {
        return keys.bytes;
    }

    /** Passes the set fields to {@code action} in field-number order. */
    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(keys.names[i], values[i]);
            }
        }
    }

    /** {@return the set fields in field-number order, as an unmodifiable set} */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = following(0);

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = Map.entry(keys.names[next], values[next]);
                        next = following(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int following(int from) {
        int i = from;
        while (i < values.length && values[i] == null) {
            i++;
        }
        return i;
    }

    /** The field names of one message type, in number order, with the index of each, shared by its maps. */
    static final class Keys {
        private final String[] names;
        private final Map<String, Integer> slots;
        private final boolean bytes;

        /**
         * @param names the type's field names in number order
         * @param bytes whether values may hold byte arrays (see {@link FieldMap#mayHoldBytes()})
         */
        Keys(List<String> names, boolean bytes) {
            this.names = names.toArray(String[]::new);
            // a HashMap, not Map.copyOf: get(null) must answer null, not throw
            this.slots = new HashMap<>();
            for (int i = 0; i < this.names.length; i++) {
                slots.put(Objects.requireNonNull(this.names[i]), i);
            }
            this.bytes = bytes;
        }

        /** {@return how many fields the type has} */
        int count() {
            return names.length;
        }
    }
}
