package io.clientworkspace.file;

import io.clientworkspace.ActorKind;
import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Who downloaded which version of a file, when. Team members with {@code VIEW_INTERNAL} can read these.
 *
 * @param id          unique id of the record
 * @param tenantId    the tenant
 * @param workspaceId the workspace
 * @param fileId      the file
 * @param versionNumber the version downloaded
 * @param userId      who
 * @param actorKind   team or client
 * @param at          when
 */
public record DownloadRecord(String id, TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int versionNumber,
                             UserId userId, ActorKind actorKind, Instant at) {

    public DownloadRecord {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(actorKind, "actorKind must not be null");
        requireNonNull(at, "at must not be null");
    }
}
