package io.clientworkspace;

/**
 * Identifies an issued calendar feed token (its public id, never the secret token itself).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record FeedTokenId(String value) implements Comparable<FeedTokenId> {

    public FeedTokenId {
        Ids.check(value, "feedTokenId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static FeedTokenId of(String value) {
        return new FeedTokenId(value);
    }

    @Override
    public int compareTo(FeedTokenId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
