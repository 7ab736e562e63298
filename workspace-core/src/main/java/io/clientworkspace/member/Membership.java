package io.clientworkspace.member;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

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
 * @param clientRole  the key of the tenant's custom {@link ClientRole} the member holds, if any (client members
 *                    only); {@code role} is then that client role's {@link ClientRole#base() base}, and the member
 *                    holds exactly the custom role's permissions
 */
public record Membership(TenantId tenantId, WorkspaceId workspaceId, UserId userId, WorkspaceRole role,
                         Instant joinedAt, long version, Optional<String> clientRole) {

    /** A membership without a custom client role. */
    public Membership(TenantId tenantId, WorkspaceId workspaceId, UserId userId, WorkspaceRole role, Instant joinedAt,
                      long version) {
        this(tenantId, workspaceId, userId, role, joinedAt, version, Optional.empty());
    }

    public Membership {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
        requireNonNull(joinedAt, "joinedAt must not be null");
        requireNonNull(clientRole, "clientRole must not be null");
        if (clientRole.isPresent() && !role.isClientRole()) {
            throw new IllegalArgumentException("only client members hold a custom client role");
        }
    }

    /** A copy with another built-in role and no custom client role. */
    public Membership withRole(WorkspaceRole newRole) {
        return new Membership(tenantId, workspaceId, userId, newRole, joinedAt, version, Optional.empty());
    }

    /** A copy holding the custom client role {@code key} (whose base is {@code base}), or none. */
    public Membership withClientRole(WorkspaceRole base, Optional<String> key) {
        return new Membership(tenantId, workspaceId, userId, base, joinedAt, version, key);
    }
}
