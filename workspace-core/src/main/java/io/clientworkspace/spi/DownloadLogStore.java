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
}
