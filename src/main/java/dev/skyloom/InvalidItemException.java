package dev.skyloom;

import java.util.Optional;

/**
 * Thrown by {@link Collection#ingest} when an item cannot be encoded as a datapoint of the dataset's type, before
 * anything is sent: it names the item's position (so a caller reading a file can map it to a line) and, where one is
 * at fault, the field. The message reads e.g. {@code item 4, field 'count': expected an integer, got String 'many'}.
 */
public final class InvalidItemException extends IllegalArgumentException {

    /** The item's position, see {@link #index()}. */
    private final int index;
    /** The field at fault or null, see {@link #field()}. */
    private final String field;
    /** What is wrong, see {@link #reason()}. */
    private final String reason;

    InvalidItemException(int index, String field, String reason, Throwable cause) {
        super("item " + index + (field == null ? "" : ", field '" + field + "'") + ": " + reason, cause);
        this.index = index;
        this.field = field;
        this.reason = reason;
    }

    /** {@return the position of the item in the list given to ingest, from 0} */
    public int index() {
        return index;
    }

    /** {@return the field at fault, or empty when the item as a whole is (no time, not a record or map)} */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** {@return what is wrong, without the item and field prefix} */
    public String reason() {
        return reason;
    }
}
