package dev.skyloom;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One custom field of a dataset type, for {@link DatasetsClient#createOrUpdateDataset}.
 * {@snippet :
 * List<FieldSpec> fields = List.of(
 *         FieldSpec.of("platform", FieldType.STRING).withDescription("Satellite").withExampleValue("S2B").asQueryable(),
 *         FieldSpec.of("cloud_cover", FieldType.DOUBLE).asQueryable(),
 *         FieldSpec.of("bands", FieldType.STRING).asRepeated());
 * }
 *
 * @param name         the field name, snake_case ({@code ^[a-z][a-z0-9_]*$}, at most 100 characters); not one of the
 *                     fixed fields {@code time}, {@code id}, {@code ingestion_time}, {@code geometry}
 * @param type         the value type
 * @param repeated     a list of values rather than one (default false)
 * @param description  a description for people (default empty)
 * @param exampleValue an example value, as text (default empty)
 * @param queryable    usable in server-side filters (default false); only for single-valued string, bool, int64,
 *                     uint64 and double fields
 */
public record FieldSpec(String name, FieldType type, boolean repeated, String description, String exampleValue,
                        boolean queryable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** The names of the fields every dataset has; the service defines them itself. */
    static final Set<String> FIXED = Set.of("time", "id", "ingestion_time", "geometry");

    /**
     * Validates the field.
     *
     * @throws IllegalArgumentException if the name is invalid or fixed, or a field that cannot be queryable is marked
     *                                  so
     */
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(exampleValue, "exampleValue");
        if (name.length() > 100 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a field name: use snake_case such as "
                    + "cloud_cover (a lower-case letter, then lower-case letters, digits or _, at most 100)");
        }
        if (FIXED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a fixed field every dataset has; choose another "
                    + "name");
        }
        if (queryable && (repeated || !type.queryable())) {
            throw new IllegalArgumentException("field '" + name + "' cannot be queryable: only single-valued "
                    + "STRING, BOOL, INT64, UINT64 and DOUBLE fields can, it is " + (repeated ? "a list of " : "")
                    + type);
        }
    }

    /**
     * {@return a single-valued, non-queryable field without description or example}
     *
     * @param name the field's name, snake_case
     * @param type the field's type
     */
    public static FieldSpec of(String name, FieldType type) {
        return new FieldSpec(name, type, false, "", "", false);
    }

    /** {@return a copy holding a list of values} */
    public FieldSpec asRepeated() {
        return new FieldSpec(name, type, true, description, exampleValue, queryable);
    }

    /**
     * {@return a copy usable in server-side filters}
     * @throws IllegalArgumentException if the field's type cannot be queryable
     */
    public FieldSpec asQueryable() {
        return new FieldSpec(name, type, repeated, description, exampleValue, true);
    }

    /**
     * {@return a copy with this description}
     *
     * @param text what the field holds
     */
    public FieldSpec withDescription(String text) {
        return new FieldSpec(name, type, repeated, text, exampleValue, queryable);
    }

    /**
     * {@return a copy with this example value}
     *
     * @param example an example value, as text
     */
    public FieldSpec withExampleValue(String example) {
        return new FieldSpec(name, type, repeated, description, example, queryable);
    }
}
