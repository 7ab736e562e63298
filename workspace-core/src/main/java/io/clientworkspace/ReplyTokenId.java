package io.clientworkspace;

/**
 * Identifies an issued reply token (its public id, never the secret token itself).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ReplyTokenId(String value) implements Comparable<ReplyTokenId> {

    public ReplyTokenId {
        Ids.check(value, "replyTokenId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ReplyTokenId of(String value) {
        return new ReplyTokenId(value);
    }

    @Override
    public int compareTo(ReplyTokenId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
