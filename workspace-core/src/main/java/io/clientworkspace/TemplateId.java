package io.clientworkspace;

/**
 * Identifies a workspace template (all its versions share it).
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record TemplateId(String value) implements Comparable<TemplateId> {

    public TemplateId {
        Ids.check(value, "templateId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static TemplateId of(String value) {
        return new TemplateId(value);
    }

    @Override
    public int compareTo(TemplateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
