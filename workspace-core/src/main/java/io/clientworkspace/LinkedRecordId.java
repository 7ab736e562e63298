package io.clientworkspace;

/**
 * Identifies a linked record (a record the host pushed into a workspace: an invoice, a ticket...).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record LinkedRecordId(String value) implements Comparable<LinkedRecordId> {

    public LinkedRecordId {
        Ids.check(value, "linkedRecordId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static LinkedRecordId of(String value) {
        return new LinkedRecordId(value);
    }

    @Override
    public int compareTo(LinkedRecordId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
