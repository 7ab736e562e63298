package io.clientworkspace.member;

import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An invitation for a client user to join a workspace with a role. The secret token is never
 * stored: only its SHA-256 hash ({@code tokenHash}), so a leaked database cannot be used to accept
 * invitations.
 *
 * @param id          the invitation's id (not secret)
 * @param tenantId    the tenant
 * @param workspaceId the workspace to join
 * @param email       where the host sends the invitation (normalized to lower case)
 * @param role        the client role the invitee will get
 * @param tokenHash   hex SHA-256 of the token
 * @param invitedBy   who created it
 * @param createdAt   when
 * @param expiresAt   after this instant it can no longer be accepted
 * @param status      pending, accepted or revoked
 * @param acceptedBy  the user who accepted it, once accepted
 * @param resolvedAt  when it was accepted or revoked
 * @param version     optimistic version
 */
public record Invitation(InvitationId id, TenantId tenantId, WorkspaceId workspaceId, String email,
                         WorkspaceRole role, String tokenHash, UserId invitedBy, Instant createdAt,
                         Instant expiresAt, InvitationStatus status, Optional<UserId> acceptedBy,
                         Optional<Instant> resolvedAt, long version) {

    public Invitation {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(email, "email must not be null");
        requireNonNull(role, "role must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        requireNonNull(invitedBy, "invitedBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(expiresAt, "expiresAt must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(acceptedBy, "acceptedBy must not be null");
        requireNonNull(resolvedAt, "resolvedAt must not be null");
    }

    /** Whether it is pending and not yet expired at {@code now}. */
    public boolean isOpen(Instant now) {
        return status == InvitationStatus.PENDING && now.isBefore(expiresAt);
    }

    /** A copy marked accepted. */
    public Invitation accepted(UserId by, Instant at) {
        return new Invitation(id, tenantId, workspaceId, email, role, tokenHash, invitedBy, createdAt, expiresAt,
                InvitationStatus.ACCEPTED, Optional.of(by), Optional.of(at), version);
    }

    /** A copy marked revoked. */
    public Invitation revoked(Instant at) {
        return new Invitation(id, tenantId, workspaceId, email, role, tokenHash, invitedBy, createdAt, expiresAt,
                InvitationStatus.REVOKED, Optional.empty(), Optional.of(at), version);
    }
}
