package io.clientworkspace.member;

import static java.util.Objects.requireNonNull;

/**
 * A freshly created invitation together with its secret token. This is the only time the token is
 * available: hand it to the invitee (e.g. in a link) and do not store it. {@link #toString()} never
 * prints the token.
 *
 * @param invitation the stored invitation
 * @param token      the secret, at least 128 random bits, URL-safe
 */
public record IssuedInvitation(Invitation invitation, String token) {

    public IssuedInvitation {
        requireNonNull(invitation, "invitation must not be null");
        requireNonNull(token, "token must not be null");
    }

    @Override
    public String toString() {
        return "IssuedInvitation[invitation=" + invitation + ", token=***]";
    }
}
