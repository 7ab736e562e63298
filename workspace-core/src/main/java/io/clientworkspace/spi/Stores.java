package io.clientworkspace.spi;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Every store the kit needs, plus the unit of work that makes their writes atomic and, optionally,
 * an event outbox. All must share one underlying transaction mechanism (the in-memory set shares one
 * lock; the JPA set one persistence context per transaction).
 */
public record Stores(UnitOfWork unitOfWork, TenantStore tenants, TeamStore team,
                     PermissionMatrixStore permissionMatrices, WorkspaceStore workspaces,
                     MembershipStore memberships, InvitationStore invitations, ActivityStore activity,
                     Optional<EventOutbox> outbox) {

    /** A set without an event outbox: events are delivered straight after commit. */
    public Stores(UnitOfWork unitOfWork, TenantStore tenants, TeamStore team,
                  PermissionMatrixStore permissionMatrices, WorkspaceStore workspaces,
                  MembershipStore memberships, InvitationStore invitations, ActivityStore activity) {
        this(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations, activity,
                Optional.empty());
    }

    public Stores {
        requireNonNull(unitOfWork, "unitOfWork must not be null");
        requireNonNull(tenants, "tenants must not be null");
        requireNonNull(team, "team must not be null");
        requireNonNull(permissionMatrices, "permissionMatrices must not be null");
        requireNonNull(workspaces, "workspaces must not be null");
        requireNonNull(memberships, "memberships must not be null");
        requireNonNull(invitations, "invitations must not be null");
        requireNonNull(activity, "activity must not be null");
        requireNonNull(outbox, "outbox must not be null");
    }

    /** A copy with another activity store (e.g. a decorator). */
    public Stores withActivity(ActivityStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                replacement, outbox);
    }
}
