package io.clientworkspace.spi;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Every store the kit needs, plus the unit of work that makes their writes atomic and, optionally,
 * an event outbox. All must share one underlying transaction mechanism (the in-memory set shares one
 * lock; the JPA set one persistence context per transaction). Blob contents are not here: a
 * {@link BlobStore} is not transactional and is configured on its own.
 *
 * <p>Build a set with {@code InMemoryStores.create()} or {@code JpaStores.create(...)}; replace single
 * stores (a decorator, a fault injector) with the {@code with...} methods.
 */
public record Stores(UnitOfWork unitOfWork, TenantStore tenants, TeamStore team,
                     PermissionMatrixStore permissionMatrices, WorkspaceStore workspaces,
                     MembershipStore memberships, InvitationStore invitations, ActivityStore activity,
                     FolderStore folders, FileStore files, DownloadLogStore downloads, ApprovalStore approvals,
                     Optional<EventOutbox> outbox) {

    public Stores {
        requireNonNull(unitOfWork, "unitOfWork must not be null");
        requireNonNull(tenants, "tenants must not be null");
        requireNonNull(team, "team must not be null");
        requireNonNull(permissionMatrices, "permissionMatrices must not be null");
        requireNonNull(workspaces, "workspaces must not be null");
        requireNonNull(memberships, "memberships must not be null");
        requireNonNull(invitations, "invitations must not be null");
        requireNonNull(activity, "activity must not be null");
        requireNonNull(folders, "folders must not be null");
        requireNonNull(files, "files must not be null");
        requireNonNull(downloads, "downloads must not be null");
        requireNonNull(approvals, "approvals must not be null");
        requireNonNull(outbox, "outbox must not be null");
    }

    /** A copy with another unit of work. */
    public Stores withUnitOfWork(UnitOfWork replacement) {
        return new Stores(replacement, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another tenant store. */
    public Stores withTenants(TenantStore replacement) {
        return new Stores(unitOfWork, replacement, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another team store. */
    public Stores withTeam(TeamStore replacement) {
        return new Stores(unitOfWork, tenants, replacement, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another permission matrix store. */
    public Stores withPermissionMatrices(PermissionMatrixStore replacement) {
        return new Stores(unitOfWork, tenants, team, replacement, workspaces, memberships, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another workspace store. */
    public Stores withWorkspaces(WorkspaceStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, replacement, memberships, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another membership store. */
    public Stores withMemberships(MembershipStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, replacement, invitations,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another invitation store. */
    public Stores withInvitations(InvitationStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, replacement,
                activity, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another activity store. */
    public Stores withActivity(ActivityStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                replacement, folders, files, downloads, approvals, outbox);
    }

    /** A copy with another folder store. */
    public Stores withFolders(FolderStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, replacement, files, downloads, approvals, outbox);
    }

    /** A copy with another file store. */
    public Stores withFiles(FileStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, replacement, downloads, approvals, outbox);
    }

    /** A copy with another download log store. */
    public Stores withDownloads(DownloadLogStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, replacement, approvals, outbox);
    }

    /** A copy with another approval store. */
    public Stores withApprovals(ApprovalStore replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, downloads, replacement, outbox);
    }

    /** A copy with another (or no) event outbox. */
    public Stores withOutbox(Optional<EventOutbox> replacement) {
        return new Stores(unitOfWork, tenants, team, permissionMatrices, workspaces, memberships, invitations,
                activity, folders, files, downloads, approvals, replacement);
    }
}
