package io.clientworkspace;

/**
 * Identifies a project milestone.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record MilestoneId(String value) implements Comparable<MilestoneId> {

    public MilestoneId {
        Ids.check(value, "milestoneId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static MilestoneId of(String value) {
        return new MilestoneId(value);
    }

    @Override
    public int compareTo(MilestoneId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
