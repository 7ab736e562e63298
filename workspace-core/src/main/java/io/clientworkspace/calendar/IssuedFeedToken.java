package io.clientworkspace.calendar;

import static java.util.Objects.requireNonNull;

/**
 * A freshly issued calendar feed token: the secret {@link #token()} (shown once, never stored) and what the kit
 * keeps of it. The token is 52 characters of {@code [a-z2-7]} (256 random bits), so it fits a URL path segment
 * such as {@code /calendar/<token>.ics} without escaping.
 *
 * @param token  the secret to put in the subscription URL
 * @param record what is stored (with the token's hash)
 */
public record IssuedFeedToken(String token, CalendarFeedToken record) {

    public IssuedFeedToken {
        requireNonNull(token, "token must not be null");
        requireNonNull(record, "record must not be null");
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "IssuedFeedToken[id=" + record.id() + ", workspace=" + record.workspaceId() + ", member="
                + record.member() + "]";
    }
}
