package io.clientworkspace;

/**
 * Identifies a file (all its versions) in a workspace.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record FileId(String value) implements Comparable<FileId> {

    public FileId {
        Ids.check(value, "fileId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static FileId of(String value) {
        return new FileId(value);
    }

    @Override
    public int compareTo(FileId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
