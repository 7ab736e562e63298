package io.clientworkspace;

/**
 * Identifies a project.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ProjectId(String value) implements Comparable<ProjectId> {

    public ProjectId {
        Ids.check(value, "projectId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public int compareTo(ProjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
