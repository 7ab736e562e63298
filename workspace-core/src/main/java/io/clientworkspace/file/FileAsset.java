package io.clientworkspace.file;

import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A file of a workspace: its current name, place and visibility, and the number of its latest
 * version. The versions themselves are {@link FileVersion}s.
 *
 * @param id            the file's id
 * @param tenantId      the tenant
 * @param workspaceId   the workspace
 * @param folderId      the folder; empty at the top level
 * @param name          sanitized display name of the latest version
 * @param visibility    client-visible or internal
 * @param latestVersion number of the latest version (1 for the first)
 * @param status        active or trashed
 * @param createdBy     who uploaded the first version
 * @param createdAt     when
 * @param updatedAt     when it last changed
 * @param version       optimistic version of this record
 */
public record FileAsset(FileId id, TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folderId,
                        String name, Visibility visibility, int latestVersion, FileStatus status, UserId createdBy,
                        Instant createdAt, Instant updatedAt, long version) {

    public FileAsset {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(folderId, "folderId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** A copy with a new latest version and name. */
    public FileAsset withLatest(int number, String newName, Instant at) {
        return new FileAsset(id, tenantId, workspaceId, folderId, newName, visibility, number, status, createdBy,
                createdAt, at, version);
    }

    /** A copy with another status. */
    public FileAsset withStatus(FileStatus newStatus, Instant at) {
        return new FileAsset(id, tenantId, workspaceId, folderId, name, visibility, latestVersion, newStatus,
                createdBy, createdAt, at, version);
    }

    /** A copy with another visibility. */
    public FileAsset withVisibility(Visibility newVisibility, Instant at) {
        return new FileAsset(id, tenantId, workspaceId, folderId, name, newVisibility, latestVersion, status,
                createdBy, createdAt, at, version);
    }

    /** Whether clients may see it. */
    public boolean isClientVisible() {
        return visibility == Visibility.CLIENT;
    }
}
