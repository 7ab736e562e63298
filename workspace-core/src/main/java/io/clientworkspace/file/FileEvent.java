package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

/** Events about folders and files; each carries the item's visibility. */
public interface FileEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** A file or a new version of it was uploaded (or an old version restored as a new one). */
    record FileVersionAdded(TenantId tenantId, WorkspaceId workspace, FileId fileId, int versionNumber, String name,
                            String sha256, long size, Visibility visibility, Actor actor, Instant occurredAt)
            implements FileEvent {
    }

    /** A file went to the trash or came back. */
    record FileTrashedOrRestored(TenantId tenantId, WorkspaceId workspace, FileId fileId, FileStatus status,
                                 Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {
    }

    /**
     * A file was shared with clients ({@code visibility} {@link Visibility#CLIENT}, told to clients) or
     * withdrawn from them ({@link Visibility#TEAM}, told to the team only).
     */
    record FileVisibilityChanged(TenantId tenantId, WorkspaceId workspace, FileId fileId, String name,
                                 Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {
    }

    /**
     * A trashed file was purged: its rows are gone and its bytes are deleted after commit. Team-only.
     *
     * @param sha256ByVersion each purged version's SHA-256, by version number
     */
    record FilePurged(TenantId tenantId, WorkspaceId workspace, FileId fileId, String name,
                      java.util.SortedMap<Integer, String> sha256ByVersion, Actor actor, Instant occurredAt)
            implements FileEvent {
        public FilePurged {
            sha256ByVersion = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sha256ByVersion));
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }

    /** A folder was created, renamed, moved or deleted. */
    record FolderChanged(TenantId tenantId, WorkspaceId workspace, FolderId folderId, String change,
                         Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {
    }

    /** A version was downloaded. Team-only. */
    record FileDownloaded(TenantId tenantId, WorkspaceId workspace, FileId fileId, int versionNumber, Actor actor,
                          Instant occurredAt) implements FileEvent {
        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }
}
