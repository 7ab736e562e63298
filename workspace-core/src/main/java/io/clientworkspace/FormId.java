package io.clientworkspace;

/**
 * Identifies a form definition (all its versions share it).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record FormId(String value) implements Comparable<FormId> {

    public FormId {
        Ids.check(value, "formId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static FormId of(String value) {
        return new FormId(value);
    }

    @Override
    public int compareTo(FormId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
