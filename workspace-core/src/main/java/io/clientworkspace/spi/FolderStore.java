package io.clientworkspace.spi;

import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.Folder;

import java.util.List;
import java.util.Optional;

/** Stores folders, keyed by (tenant, workspace, folder id). */
public interface FolderStore {

    /**
     * Stores a new folder at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken or a sibling has the same name
     */
    Folder insert(Folder folder);

    /**
     * Replaces a folder whose stored version equals {@code folder.version()} (rename, move).
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise, {@code ALREADY_EXISTS} on a sibling name clash
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

    /** Whether the folder has any child folder or any file (trashed files included). */
    boolean hasChildren(TenantId tenantId, WorkspaceId workspaceId, FolderId id);
}
