package io.clientworkspace.workspace;

import io.clientworkspace.member.WorkspaceRole;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What an invitation link offers, for the page that opens it before the invitee has an account ("join
 * Initech as client contributor"): see {@link InvitationService#preview}. Holding the token is what
 * entitles a visitor to it, so it tells only what the invitee needs: the workspace's slug, name and
 * branding, the role, the address the invitation was sent to, when it expires and whether it can still
 * be accepted. It never holds the token, its hash, or who sent the invitation.
 *
 * @param workspaceSlug the workspace's slug (where the invitee lands after joining)
 * @param workspaceName the workspace's name
 * @param branding      the workspace's branding (display name, colours)
 * @param email         the address the invitation was sent to
 * @param role          the client role the invitee gets
 * @param expiresAt     after this instant it can no longer be accepted
 * @param state         whether it can still be accepted, and if not why
 */
public record InvitationPreview(String workspaceSlug, String workspaceName, Branding branding, String email,
                                WorkspaceRole role, Instant expiresAt, State state) {

    public InvitationPreview {
        requireNonNull(workspaceSlug, "workspaceSlug must not be null");
        requireNonNull(workspaceName, "workspaceName must not be null");
        requireNonNull(branding, "branding must not be null");
        requireNonNull(email, "email must not be null");
        requireNonNull(role, "role must not be null");
        requireNonNull(expiresAt, "expiresAt must not be null");
        requireNonNull(state, "state must not be null");
    }

    /** The name to show: the branding's display name when it has one, else the workspace's name. */
    public String displayName() {
        return branding.displayName().orElse(workspaceName);
    }

    /** Whether the invitation can still be accepted, and if not why (the first that applies, in this order). */
    public enum State {
        /** It can be accepted. */
        OPEN,
        /** It was accepted already. */
        USED,
        /** It was revoked. */
        REVOKED,
        /** It expired. */
        EXPIRED,
        /** It is pending and unexpired, but its workspace is archived. */
        ARCHIVED
    }
}
