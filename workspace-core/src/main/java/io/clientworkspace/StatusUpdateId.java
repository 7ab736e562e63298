package io.clientworkspace;

/**
 * Identifies a project status update.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record StatusUpdateId(String value) implements Comparable<StatusUpdateId> {

    public StatusUpdateId {
        Ids.check(value, "statusUpdateId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static StatusUpdateId of(String value) {
        return new StatusUpdateId(value);
    }

    @Override
    public int compareTo(StatusUpdateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
