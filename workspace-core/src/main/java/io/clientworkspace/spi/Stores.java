package io.clientworkspace.spi;

import static java.util.Objects.requireNonNull;

/**
 * Every store the kit needs, plus the unit of work that makes their writes atomic. All must share
 * one underlying transaction mechanism (the in-memory set shares one lock; the JPA set one
 * persistence context).
 */
public record Stores(UnitOfWork unitOfWork, TenantStore tenants, TeamStore team,
                     PermissionMatrixStore permissionMatrices, WorkspaceStore workspaces,
                     MembershipStore memberships, InvitationStore invitations, ActivityStore activity) {

    public Stores {
        requireNonNull(unitOfWork, "unitOfWork must not be null");
        requireNonNull(tenants, "tenants must not be null");
        requireNonNull(team, "team must not be null");
        requireNonNull(permissionMatrices, "permissionMatrices must not be null");
        requireNonNull(workspaces, "workspaces must not be null");
        requireNonNull(memberships, "memberships must not be null");
        requireNonNull(invitations, "invitations must not be null");
        requireNonNull(activity, "activity must not be null");
    }
}
