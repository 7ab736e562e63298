package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Events about folders and files; each carries the item's visibility. */
public interface FileEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** The entry's target: a file. */
    private static ActivityDescription file(FileId fileId, String action, Map<String, String> details) {
        return new ActivityDescription(action, "file", fileId.value(), details);
    }

    /**
     * A file or a new version of it was uploaded (or an old version restored as a new one). Activity:
     * {@code file.uploaded} for the first version, {@code file.version-added} for every later one, with the
     * version's name, number, SHA-256, size and detected media type.
     *
     * @param detectedType the media type detected from the version's bytes
     */
    record FileVersionAdded(TenantId tenantId, WorkspaceId workspace, FileId fileId, int versionNumber, String name,
                            String sha256, long size, String detectedType, Visibility visibility, Actor actor,
                            Instant occurredAt) implements FileEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(file(fileId, versionNumber == 1 ? "file.uploaded" : "file.version-added", Map.of(
                    "name", name, "version", Integer.toString(versionNumber), "sha256", sha256,
                    "size", Long.toString(size), "type", detectedType)));
        }
    }

    /**
     * A file went to the trash or came back. Activity: {@code file.trashed} or {@code file.restored} with
     * the file's name.
     *
     * @param status the file's status now: {@link FileStatus#TRASHED} or {@link FileStatus#ACTIVE}
     * @param name   the file's name
     */
    record FileTrashedOrRestored(TenantId tenantId, WorkspaceId workspace, FileId fileId, FileStatus status, String name,
                                 Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(file(fileId, status == FileStatus.TRASHED ? "file.trashed" : "file.restored",
                    Map.of("name", name)));
        }
    }

    /**
     * A file was shared with clients ({@code visibility} {@link Visibility#CLIENT}, told to clients) or
     * withdrawn from them ({@link Visibility#TEAM}, told to the team only). Activity: {@code file.shared} or
     * {@code file.withdrawn} with the file's name and its new visibility.
     */
    record FileVisibilityChanged(TenantId tenantId, WorkspaceId workspace, FileId fileId, String name,
                                 Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(file(fileId, visibility == Visibility.TEAM ? "file.withdrawn" : "file.shared",
                    Map.of("name", name, "visibility", visibility.name())));
        }
    }

    /**
     * A trashed file was purged: its rows are gone and its bytes are deleted after commit. Team-only.
     * Activity: a tombstone, {@code file.purged}, with the file's name, the number of versions and each
     * version's SHA-256 ({@code sha256.v<n>}); a file with more than {@value #VERSIONS_PER_ENTRY} versions
     * gets one entry per {@value #VERSIONS_PER_ENTRY} versions, each saying which part it is ({@code 1/2}).
     *
     * @param sha256ByVersion each purged version's SHA-256, by version number
     */
    record FilePurged(TenantId tenantId, WorkspaceId workspace, FileId fileId, String name,
                      java.util.SortedMap<Integer, String> sha256ByVersion, Actor actor, Instant occurredAt)
            implements FileEvent {

        /** Versions named per tombstone entry, well under the activity log's 32 details per entry. */
        public static final int VERSIONS_PER_ENTRY = 25;

        public FilePurged {
            sha256ByVersion = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sha256ByVersion));
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            List<Map.Entry<Integer, String>> entries = List.copyOf(sha256ByVersion.entrySet());
            int parts = Math.max(1, (entries.size() + VERSIONS_PER_ENTRY - 1) / VERSIONS_PER_ENTRY);
            List<ActivityDescription> tombstone = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                Map<String, String> details = new TreeMap<>();
                details.put("name", name);
                details.put("versions", Integer.toString(entries.size()));
                details.put("part", (part + 1) + "/" + parts);
                entries.subList(part * VERSIONS_PER_ENTRY, Math.min(entries.size(), (part + 1) * VERSIONS_PER_ENTRY))
                        .forEach(e -> details.put("sha256.v" + e.getKey(), e.getValue()));
                tombstone.add(file(fileId, "file.purged", details));
            }
            return List.copyOf(tombstone);
        }
    }

    /**
     * A folder was created, renamed, moved or deleted, or kept as an internal folder when a client deleted
     * it while it held internal items. Activity: {@code folder.<change>} with the folder's name (for
     * {@code made-internal} the name it is kept under, and the reason).
     *
     * @param change {@code created}, {@code renamed}, {@code moved}, {@code deleted} or {@code made-internal}
     * @param name   the folder's name after the change
     */
    record FolderChanged(TenantId tenantId, WorkspaceId workspace, FolderId folderId, String change, String name,
                         Visibility visibility, Actor actor, Instant occurredAt) implements FileEvent {

        /** The {@code change} of a folder a client deleted while it held internal items. */
        public static final String MADE_INTERNAL = "made-internal";

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = MADE_INTERNAL.equals(change)
                    ? Map.of("name", name, "reason", "deleted by a client while it held internal items")
                    : Map.of("name", name);
            return List.of(new ActivityDescription("folder." + change, "folder", folderId.value(), details));
        }
    }

    /** A version was downloaded. Team-only. Activity: {@code file.downloaded} with the version number. */
    record FileDownloaded(TenantId tenantId, WorkspaceId workspace, FileId fileId, int versionNumber, Actor actor,
                          Instant occurredAt) implements FileEvent {
        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(file(fileId, "file.downloaded", Map.of("version", Integer.toString(versionNumber))));
        }
    }
}
