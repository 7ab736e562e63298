package io.clientworkspace.spi;

import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.DownloadRecord;

import java.util.List;
import java.util.Optional;

/** Stores the append-only log of downloads. */
public interface DownloadLogStore {

    /** Appends a record. */
    void append(DownloadRecord record);

    /** Up to {@code limit} downloads of the file, newest first, with ids (time-ordered) before {@code beforeId}. */
    List<DownloadRecord> list(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, Optional<String> beforeId,
                              int limit);

    /**
     * Deletes every download record of the file in this tenant and workspace, for a permanent purge of
     * the file. Inside a unit of work it rolls back with it.
     *
     * <p>A default method so that store sets written before purging existed keep compiling; they cannot
     * purge until they implement it.
     *
     * @return how many records were deleted
     * @throws UnsupportedOperationException if this store cannot delete records
     */
    default int deleteForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete download records: implement"
                + " DownloadLogStore.deleteForFile to let the kit purge trashed files");
    }
}
