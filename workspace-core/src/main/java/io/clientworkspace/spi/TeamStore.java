package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Stores each tenant's team roster, keyed by (tenant, user). */
public interface TeamStore {

    /**
     * Adds a user to a tenant's roster at version 0.
     *
     * @throws io.clientworkspace.ConflictException ({@code ALREADY_EXISTS}) if the user is already on it
     */
    TeamMember insert(TeamMember member);

    /**
     * Replaces a roster entry whose stored version equals {@code member.version()}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) otherwise
     */
    TeamMember update(TeamMember member);

    /**
     * Removes a roster entry whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) if the version differs or the entry is gone
     */
    void delete(TenantId tenantId, UserId userId, long expectedVersion);

    /** The roster entry of this user in this tenant. */
    Optional<TeamMember> find(TenantId tenantId, UserId userId);

    /** Up to {@code limit} roster entries of the tenant with user ids greater than {@code after}, ordered by user id. */
    List<TeamMember> list(TenantId tenantId, Optional<UserId> after, int limit);

    /** How many roster entries of the tenant hold {@code role}. */
    long countByRole(TenantId tenantId, TenantRole role);

    /**
     * A user's tenant role together with the tenant's own permission matrix, as one answer.
     *
     * @param role   the user's tenant role, empty if the user is not on the tenant's roster
     * @param matrix the tenant's own matrix, empty if it did not replace the default
     */
    record RoleAndMatrix(Optional<TenantRole> role, Optional<PermissionMatrix> matrix) {
        /** Guarantees both parts are present (possibly empty). */
        public RoleAndMatrix {
            requireNonNull(role, "role must not be null");
            requireNonNull(matrix, "matrix must not be null");
        }
    }

    /**
     * The user's tenant role and the tenant's own matrix from {@code matrices}, read together (the dashboard needs
     * both for a team member's first page, and a page must cost at most 3 statements). The default asks this store
     * and {@code matrices} one after the other; a store that keeps both tables in one database may answer with one
     * statement when {@code matrices} is its sibling (and must fall back to the default otherwise).
     */
    default RoleAndMatrix findRoleWithMatrix(TenantId tenantId, UserId userId, PermissionMatrixStore matrices) {
        requireNonNull(matrices, "matrices must not be null");
        return new RoleAndMatrix(find(tenantId, userId).map(TeamMember::role), matrices.find(tenantId));
    }
}
