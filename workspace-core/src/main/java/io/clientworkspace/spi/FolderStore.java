package io.clientworkspace.spi;

import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.Folder;

import java.util.List;
import java.util.Optional;

/**
 * Stores folders, keyed by (tenant, workspace, folder id).
 *
 * <p>Sibling names are unique per audience: no two folders with the same parent and the same
 * {@link io.clientworkspace.activity.Visibility} share a name, while a client-visible and an internal
 * folder may. A rule over all siblings would refuse a client's folder because of an internal one it cannot
 * see, and so tell the client that the internal one exists.
 */
public interface FolderStore {

    /**
     * Stores a new folder at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken or a sibling of the same
     *         visibility has the same name
     */
    Folder insert(Folder folder);

    /**
     * Replaces a folder whose stored version equals {@code folder.version()} (rename, move, change of visibility).
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise, {@code ALREADY_EXISTS} on a name
     *         clash with a sibling of the same visibility
     */
    Folder update(Folder folder);

    /**
     * Removes a folder whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     */
    void delete(TenantId tenantId, WorkspaceId workspaceId, FolderId id, long expectedVersion);

    /** The folder with this id in this workspace. */
    Optional<Folder> find(TenantId tenantId, WorkspaceId workspaceId, FolderId id);

    /**
     * Up to {@code limit} folders directly inside {@code parent} (the top level when empty), with names
     * greater than {@code afterName}, ordered by name; only client-visible ones when {@code clientVisibleOnly}.
     */
    List<Folder> listChildren(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                              boolean clientVisibleOnly, Optional<String> afterName, int limit);

    /**
     * Up to {@code limit} folders directly inside {@code parent} (the top level when empty), ordered by name then
     * id, strictly after the cursor; only client-visible ones when {@code clientVisibleOnly}. Unlike
     * {@link #listChildren} it pages correctly through siblings of the same name (a client-visible and an
     * internal one). The default delegates to {@link #listChildren}, which is right only for a store that keeps
     * names unique among all siblings; stores override it.
     */
    default List<Folder> listChildrenAfter(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                           boolean clientVisibleOnly, Optional<FolderCursor> after, int limit) {
        return listChildren(tenantId, workspaceId, parent, clientVisibleOnly, after.map(FolderCursor::name), limit);
    }

    /** Whether the folder has any child folder or any file (trashed files included). */
    boolean hasChildren(TenantId tenantId, WorkspaceId workspaceId, FolderId id);

    /** A position in a folder list: after this name, then this id. */
    record FolderCursor(String name, FolderId id) {
        public FolderCursor {
            java.util.Objects.requireNonNull(name, "name must not be null");
            java.util.Objects.requireNonNull(id, "id must not be null");
        }
    }
}
