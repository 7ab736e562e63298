package io.clientworkspace;

/**
 * Identifies a notification (one sent notification or one queued item).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record NotificationId(String value) implements Comparable<NotificationId> {

    public NotificationId {
        Ids.check(value, "notificationId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static NotificationId of(String value) {
        return new NotificationId(value);
    }

    @Override
    public int compareTo(NotificationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
