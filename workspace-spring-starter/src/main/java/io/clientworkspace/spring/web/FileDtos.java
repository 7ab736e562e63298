package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.FolderId;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The JSON shapes of folders, files, versions and downloads.
 */
public final class FileDtos {

    private FileDtos() {
    }

    /** A folder. */
    public record FolderDto(String id, String workspaceId, @Nullable String parentId, String name, String visibility,
                            String createdBy, Instant createdAt, long version) {
        static FolderDto of(Folder f) {
            return new FolderDto(f.id().value(), f.workspaceId().value(), f.parentId().map(FolderId::value).orElse(null),
                    f.name(), f.visibility().name(), f.createdBy().value(), f.createdAt(), f.version());
        }
    }

    /**
     * A file: its current name, place, visibility and latest version number. {@code version} is the
     * optimistic version of this record (its ETag), which every change (a new version included) moves on.
     */
    public record FileDto(String id, String workspaceId, @Nullable String folderId, String name, String visibility,
                          int latestVersion, String status, String createdBy, Instant createdAt, Instant updatedAt,
                          long version) {
        static FileDto of(FileAsset f) {
            return new FileDto(f.id().value(), f.workspaceId().value(), f.folderId().map(FolderId::value).orElse(null),
                    f.name(), f.visibility().name(), f.latestVersion(), f.status().name(), f.createdBy().value(),
                    f.createdAt(), f.updatedAt(), f.version());
        }
    }

    /**
     * One version of a file: what its bytes are (size, SHA-256, the type detected from them) and the
     * type the uploader declared (untrusted, kept for the record). The storage key is never exposed.
     */
    public record FileVersionDto(String fileId, int number, String name, long size, String sha256,
                                 String detectedType, String declaredType, String uploadedBy, Instant uploadedAt) {
        static FileVersionDto of(FileVersion v) {
            return new FileVersionDto(v.fileId().value(), v.number(), v.name(), v.size(), v.sha256(), v.detectedType(),
                    v.declaredType(), v.uploadedBy().value(), v.uploadedAt());
        }
    }

    /** Who downloaded which version, when. */
    public record DownloadDto(String fileId, int version, String userId, String actorKind, Instant at) {
        static DownloadDto of(DownloadRecord r) {
            return new DownloadDto(r.fileId().value(), r.versionNumber(), r.userId().value(), r.actorKind().name(), r.at());
        }
    }

    /** Body of {@code POST /workspaces/{id}/folders}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateFolderRequest(@Nullable String name, @Nullable String parent, @Nullable String visibility)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/folders/{folderId}/rename}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RenameFolderRequest(@Nullable String name) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/files/{fileId}/visibility}: {@code CLIENT} shares, {@code TEAM} withdraws. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChangeVisibilityRequest(@Nullable String visibility) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/folders/{folderId}/move}: no parent (or null) moves it to the top level. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record MoveFolderRequest(@Nullable String parent) implements RejectsUnknownFields {
    }
}
