package io.clientworkspace.spi;

import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores invitations. Token hashes are unique per tenant. */
public interface InvitationStore {

    /**
     * Stores a new invitation at version 0.
     *
     * @throws io.clientworkspace.ConflictException ({@code ALREADY_EXISTS}) if the id or token hash is taken
     */
    Invitation insert(Invitation invitation);

    /**
     * Replaces an invitation whose stored version equals {@code invitation.version()}. Used to mark it
     * accepted or revoked; two concurrent updates of one version never both succeed.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) otherwise
     */
    Invitation update(Invitation invitation);

    /** The invitation with this id in this workspace. */
    Optional<Invitation> find(TenantId tenantId, WorkspaceId workspaceId, InvitationId id);

    /** The invitation of this tenant whose token hashes to {@code tokenHash}. */
    Optional<Invitation> findByTokenHash(TenantId tenantId, String tokenHash);

    /**
     * Up to {@code limit} invitations of the workspace that are {@code PENDING} and expire after
     * {@code now}, with ids greater than {@code after}, ordered by id.
     */
    List<Invitation> listPending(TenantId tenantId, WorkspaceId workspaceId, Instant now,
                                 Optional<InvitationId> after, int limit);
}
