package io.clientworkspace.member;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A user's membership of one workspace, with its role. A user holds at most one membership per
 * workspace; a client user may be a member of several workspaces of the same tenant.
 *
 * @param tenantId    the tenant
 * @param workspaceId the workspace
 * @param userId      the member
 * @param role        the role, whose {@link WorkspaceRole#kind()} says whether this is a team or client member
 * @param joinedAt    when the membership was created
 * @param version     optimistic version
 */
public record Membership(TenantId tenantId, WorkspaceId workspaceId, UserId userId, WorkspaceRole role,
                         Instant joinedAt, long version) {

    public Membership {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
        requireNonNull(joinedAt, "joinedAt must not be null");
    }

    /** A copy with another role. */
    public Membership withRole(WorkspaceRole newRole) {
        return new Membership(tenantId, workspaceId, userId, newRole, joinedAt, version);
    }
}
