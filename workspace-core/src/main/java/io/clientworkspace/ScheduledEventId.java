package io.clientworkspace;

/**
 * Identifies a scheduled event of a workspace calendar (a maintenance window, a review, a meeting).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ScheduledEventId(String value) implements Comparable<ScheduledEventId> {

    public ScheduledEventId {
        Ids.check(value, "scheduledEventId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ScheduledEventId of(String value) {
        return new ScheduledEventId(value);
    }

    @Override
    public int compareTo(ScheduledEventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
