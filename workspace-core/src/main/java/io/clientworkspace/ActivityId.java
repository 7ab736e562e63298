package io.clientworkspace;

/**
 * Identifies one activity log entry.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ActivityId(String value) implements Comparable<ActivityId> {

    public ActivityId {
        Ids.check(value, "activityId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    @Override
    public int compareTo(ActivityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
