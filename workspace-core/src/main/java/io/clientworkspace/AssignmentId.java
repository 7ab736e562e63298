package io.clientworkspace;

/**
 * Identifies a form assignment.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record AssignmentId(String value) implements Comparable<AssignmentId> {

    public AssignmentId {
        Ids.check(value, "assignmentId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static AssignmentId of(String value) {
        return new AssignmentId(value);
    }

    @Override
    public int compareTo(AssignmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
