package io.clientworkspace.file;

import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A folder of a workspace. Folders nest; a folder inside an internal ({@link Visibility#TEAM}) folder
 * is internal too, and so is everything in it.
 *
 * @param id          the folder's id
 * @param tenantId    the tenant
 * @param workspaceId the workspace
 * @param parentId    the parent folder; empty at the top level
 * @param name        sanitized name, unique among its siblings of the same visibility
 * @param visibility  client-visible or internal
 * @param createdBy   who created it
 * @param createdAt   when
 * @param version     optimistic version
 */
public record Folder(FolderId id, TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parentId,
                     String name, Visibility visibility, UserId createdBy, Instant createdAt, long version) {

    public Folder {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(parentId, "parentId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
    }

    /** A copy with another name. */
    public Folder withName(String newName) {
        return new Folder(id, tenantId, workspaceId, parentId, newName, visibility, createdBy, createdAt, version);
    }

    /** A copy with another visibility (and name). */
    public Folder withVisibility(Visibility newVisibility, String newName) {
        return new Folder(id, tenantId, workspaceId, parentId, newName, newVisibility, createdBy, createdAt, version);
    }

    /** A copy under another parent. */
    public Folder withParent(Optional<FolderId> newParent) {
        return new Folder(id, tenantId, workspaceId, newParent, name, visibility, createdBy, createdAt, version);
    }
}
