package io.clientworkspace;

/**
 * Identifies an invitation. Not the secret token: knowing an id grants nothing.
 *
 * <p>Ids are opaque strings of 1 to {@value Ids#MAX_LENGTH} printable characters without
 * whitespace at either end; equality is exact (case-sensitive).
 *
 * @param value the id's text
 */
public record InvitationId(String value) implements Comparable<InvitationId> {

    public InvitationId {
        Ids.check(value, "invitationId");
    }

    /** Wraps a string, rejecting blank, over-long or control-character ids with a {@link ValidationException}. */
    public static InvitationId of(String value) {
        return new InvitationId(value);
    }

    @Override
    public int compareTo(InvitationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
