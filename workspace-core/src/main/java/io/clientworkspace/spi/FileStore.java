package io.clientworkspace.spi;

import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores files and their versions. Versions are append-only. */
public interface FileStore {

    /**
     * Stores a new file at version 0 together with its first {@link FileVersion}.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    FileAsset insert(FileAsset file, FileVersion first);

    /**
     * Replaces a file whose stored version equals {@code file.version()}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     */
    FileAsset update(FileAsset file);

    /**
     * Appends a version; its number must be one more than the file's latest stored version.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if that number is taken or skips ahead
     */
    FileVersion appendVersion(FileVersion version);

    /** The file with this id in this workspace (whatever its status). */
    Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id);

    /** Like {@link #find}, and inside a unit of work locks the file until it ends. */
    default Optional<FileAsset> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        return find(tenantId, workspaceId, id);
    }

    /** One version of a file. */
    Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number);

    /** The file's versions, newest first, at most {@code limit}. */
    List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit);

    /**
     * Up to {@code limit} files directly in {@code folder} (the top level when empty) with the given
     * status, names (then ids) after the cursor, ordered by name then id; only client-visible ones when
     * {@code clientVisibleOnly}.
     */
    List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder, FileStatus status,
                         boolean clientVisibleOnly, Optional<FileCursor> after, int limit);

    /** How many files of the workspace have the status, client-visible ones only when asked. */
    long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly);

    /**
     * Of the given blob keys, those referenced by any stored version, in any tenant. For the orphan
     * sweep, a maintenance task run by the host; it reveals nothing but which keys are in use.
     */
    Set<String> referencedBlobKeys(Collection<String> blobKeys);

    /**
     * Deletes the file whose stored version equals {@code expectedVersion} together with every one of its
     * versions, for a permanent purge. Only this tenant's and workspace's rows are touched; blobs are the
     * caller's to delete (after commit). Inside a unit of work it rolls back with it.
     *
     * <p>A default method so that store sets written before purging existed keep compiling; they cannot
     * purge until they implement it.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the file is absent or its stored
     *                                              version differs; nothing is deleted then
     * @throws UnsupportedOperationException        if this store cannot delete files
     */
    default void delete(TenantId tenantId, WorkspaceId workspaceId, FileId id, long expectedVersion) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete files: implement"
                + " FileStore.delete to let the kit purge trashed files");
    }

    /**
     * The bytes the workspace's stored versions take, counting each stored blob of a file once (a version
     * restored from an older one shares its bytes), over every file whatever its status or visibility.
     * Used for the workspace's storage quota.
     *
     * <p>A default method so that store sets written before quotas existed keep compiling; they cannot
     * enforce a quota until they implement it.
     *
     * @throws UnsupportedOperationException if this store cannot sum sizes
     */
    default long usedBytes(TenantId tenantId, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot sum the sizes of a workspace's files:"
                + " implement FileStore.usedBytes or build the kit without a workspace quota");
    }

    /**
     * Like {@link #usedBytes}, but over the {@link io.clientworkspace.file.FileStatus#ACTIVE active} files whose own
     * visibility is {@link io.clientworkspace.activity.Visibility#CLIENT} only: the part of the workspace's storage
     * that clients can see (they never see the trash). The quota is judged on it for actors who may not see
     * internal items, so that whether a client's upload fits never depends on internal files.
     *
     * @throws UnsupportedOperationException if this store cannot sum sizes
     */
    default long clientVisibleBytes(TenantId tenantId, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot sum the sizes of a workspace's files:"
                + " implement FileStore.clientVisibleBytes or build the kit without a workspace quota");
    }

    /** A position in a file list: after this name, then this id. */
    record FileCursor(String name, FileId id) {
    }
}
