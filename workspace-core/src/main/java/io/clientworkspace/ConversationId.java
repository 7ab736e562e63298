package io.clientworkspace;

/**
 * Identifies a conversation.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record ConversationId(String value) implements Comparable<ConversationId> {

    public ConversationId {
        Ids.check(value, "conversationId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    @Override
    public int compareTo(ConversationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
