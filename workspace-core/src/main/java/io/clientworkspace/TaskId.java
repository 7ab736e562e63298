package io.clientworkspace;

/**
 * Identifies a task.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record TaskId(String value) implements Comparable<TaskId> {

    public TaskId {
        Ids.check(value, "taskId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public int compareTo(TaskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
