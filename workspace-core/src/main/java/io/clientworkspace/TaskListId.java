package io.clientworkspace;

/**
 * Identifies a task list.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record TaskListId(String value) implements Comparable<TaskListId> {

    public TaskListId {
        Ids.check(value, "taskListId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static TaskListId of(String value) {
        return new TaskListId(value);
    }

    @Override
    public int compareTo(TaskListId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
