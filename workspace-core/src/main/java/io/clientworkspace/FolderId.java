package io.clientworkspace;

/**
 * Identifies a folder of a workspace.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record FolderId(String value) implements Comparable<FolderId> {

    public FolderId {
        Ids.check(value, "folderId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static FolderId of(String value) {
        return new FolderId(value);
    }

    @Override
    public int compareTo(FolderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
