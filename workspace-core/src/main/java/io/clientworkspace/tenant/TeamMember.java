package io.clientworkspace.tenant;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A team user on a tenant's roster. Only users on the roster can act as {@code TEAM} actors and can
 * be given team roles in workspaces.
 *
 * @param tenantId the tenant
 * @param userId   the host's user id
 * @param role     the tenant-level role
 * @param addedAt  when the user joined the roster
 * @param version  optimistic version
 */
public record TeamMember(TenantId tenantId, UserId userId, TenantRole role, Instant addedAt, long version) {

    public TeamMember {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
        requireNonNull(addedAt, "addedAt must not be null");
    }

    /** A copy with another role. */
    public TeamMember withRole(TenantRole newRole) {
        return new TeamMember(tenantId, userId, newRole, addedAt, version);
    }
}
