package io.clientworkspace.file;

import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One immutable version of a file: the exact bytes (by blob key and SHA-256) and what was learned about
 * them on upload.
 *
 * @param tenantId     the tenant
 * @param workspaceId  the workspace
 * @param fileId       the file
 * @param number       1, 2, 3...
 * @param name         sanitized display name given with this version
 * @param blobKey      where the bytes are, in the blob store
 * @param size         size in bytes
 * @param sha256       hex SHA-256 of the bytes
 * @param detectedType media type detected from the bytes (and the name where the bytes allow several)
 * @param declaredType media type the uploader declared (untrusted, kept for the record)
 * @param uploadedBy   who uploaded it
 * @param uploadedAt   when
 */
public record FileVersion(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int number, String name,
                          String blobKey, long size, String sha256, String detectedType, String declaredType,
                          UserId uploadedBy, Instant uploadedAt) {

    public FileVersion {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1");
        }
        requireNonNull(name, "name must not be null");
        requireNonNull(blobKey, "blobKey must not be null");
        requireNonNull(sha256, "sha256 must not be null");
        requireNonNull(detectedType, "detectedType must not be null");
        requireNonNull(declaredType, "declaredType must not be null");
        requireNonNull(uploadedBy, "uploadedBy must not be null");
        requireNonNull(uploadedAt, "uploadedAt must not be null");
    }
}
