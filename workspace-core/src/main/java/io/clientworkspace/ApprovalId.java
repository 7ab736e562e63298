package io.clientworkspace;

/**
 * Identifies an approval request.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ApprovalId(String value) implements Comparable<ApprovalId> {

    public ApprovalId {
        Ids.check(value, "approvalId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ApprovalId of(String value) {
        return new ApprovalId(value);
    }

    @Override
    public int compareTo(ApprovalId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
