package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;

import java.util.List;
import java.util.Optional;

/** Stores memberships, keyed by (tenant, workspace, user). */
public interface MembershipStore {

    /**
     * Stores a new membership at version 0. The services only add members to workspaces that exist in
     * the membership's tenant; a store may rely on that or check it (the JPA store reads the workspace's
     * slug in the same statement and refuses an unknown workspace with a
     * {@link io.clientworkspace.NotFoundException}).
     *
     * @throws io.clientworkspace.ConflictException ({@code ALREADY_EXISTS}) if the user is already a member
     */
    Membership insert(Membership membership);

    /**
     * Replaces a membership whose stored version equals {@code membership.version()}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) otherwise
     */
    Membership update(Membership membership);

    /**
     * Removes a membership whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) if the version differs or it is gone
     */
    void delete(TenantId tenantId, WorkspaceId workspaceId, UserId userId, long expectedVersion);

    /** The membership of this user in this workspace. */
    Optional<Membership> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId);

    /** Up to {@code limit} memberships of the workspace with user ids greater than {@code after}, ordered by user id. */
    List<Membership> list(TenantId tenantId, WorkspaceId workspaceId, Optional<UserId> after, int limit);

    /** How many members of the workspace hold {@code role}. */
    long countByRole(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role);

    /**
     * How many memberships of the tenant, in any workspace, hold the custom client role {@code clientRole}. The
     * kit refuses to remove a client role while this is above zero. Stores written before custom client roles
     * existed do not keep {@link Membership#clientRole()} and answer with this default, which throws; the in-memory
     * and JPA stores count (the JPA store with one indexed query).
     *
     * @throws UnsupportedOperationException if the store does not keep custom client roles
     */
    default long countByClientRole(TenantId tenantId, String clientRole) {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep custom client roles");
    }
}
