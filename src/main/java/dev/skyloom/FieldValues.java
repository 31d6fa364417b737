package dev.skyloom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Value semantics for datapoint field values, which may hold {@code byte[]} (at any depth, inside lists and maps):
 * content equality and hashing, and copies that keep the datapoint's own arrays private.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** {@return {@code value} itself if it holds no byte array, else a copy with fresh arrays (in unmodifiable
     * containers)} */
    static <T> T withCopiedBytes(T value) {
        if (!containsBytes(value)) {
            return value;
        }
        @SuppressWarnings("unchecked")
        T copy = (T) copy(value);
        return copy;
    }

    static boolean deepEquals(Object a, Object b) {
        return switch (a) {
            case byte[] bytes -> b instanceof byte[] other && Arrays.equals(bytes, other);
            case List<?> list -> b instanceof List<?> other && list.size() == other.size() && allEqual(list, other);
            case Map<?, ?> map -> b instanceof Map<?, ?> other && map.size() == other.size()
                    && map.entrySet().stream().allMatch(entry -> other.containsKey(entry.getKey())
                            && deepEquals(entry.getValue(), other.get(entry.getKey())));
            case null -> b == null;
            default -> a.equals(b);
        };
    }

    static int deepHashCode(Object value) {
        return switch (value) {
            case byte[] bytes -> Arrays.hashCode(bytes);
            case List<?> list -> list.stream().mapToInt(FieldValues::deepHashCode).reduce(1, (h, e) -> 31 * h + e);
            case Map<?, ?> map -> map.entrySet().stream()
                    .mapToInt(entry -> Objects.hashCode(entry.getKey()) ^ deepHashCode(entry.getValue())).sum();
            case null -> 0;
            default -> value.hashCode();
        };
    }

    private static boolean allEqual(List<?> a, List<?> b) {
        Iterator<?> other = b.iterator();
        for (Object element : a) {
            if (!deepEquals(element, other.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsBytes(Object value) {
        return switch (value) {
            case byte[] _ -> true;
            case List<?> list -> anyContainsBytes(list);
            case Map<?, ?> map -> anyContainsBytes(map.values());
            case null, default -> false;
        };
    }

    /** A loop, not a stream: {@code Datapoint.fields()} asks this of every datapoint a writer writes. */
    private static boolean anyContainsBytes(java.util.Collection<?> values) {
        for (Object value : values) {
            if (containsBytes(value)) {
                return true;
            }
        }
        return false;
    }

    private static Object copy(Object value) {
        return switch (value) {
            case byte[] bytes -> bytes.clone();
            case List<?> list -> {
                var copy = new ArrayList<>(list.size());
                list.forEach(element -> copy.add(copy(element)));
                yield Collections.unmodifiableList(copy);
            }
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<Object, Object>();
                map.forEach((key, element) -> copy.put(key, copy(element)));
                yield Collections.unmodifiableMap(copy);
            }
            default -> value;
        };
    }
}
