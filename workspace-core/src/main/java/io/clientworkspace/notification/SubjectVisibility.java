package io.clientworkspace.notification;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FileId;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.RequestId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.Folder;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The visibility a notification's subject has NOW, re-read from the owning features' stores at delivery, following
 * the same rules as the owning services: a task is internal when it, its task list or the list's project is; a
 * milestone has its project's visibility; a file is internal when it, or any folder above it, is, and clients never
 * see trashed files; an approval about a file has that file's visibility; a conversation about an item is internal
 * when it or its item is. Empty when the subject no longer exists (deleted, purged). Linked records are not re-read
 * (their store finds them by type and host id only): queued items about them rely on the restrictions their events
 * add. Not thread-safe: one instance per delivery run (it caches what it read, so one run reads each subject and
 * each parent once).
 */
final class SubjectVisibility {

    private final Stores stores;
    private final Map<Key, Optional<Visibility>> cache = new HashMap<>();

    SubjectVisibility(Stores stores) {
        this.stores = requireNonNull(stores, "stores must not be null");
    }

    /** The subject's current effective visibility in the workspace, or empty when it is gone. */
    Optional<Visibility> of(TenantId tenant, WorkspaceId ws, NotificationSubject subject) {
        Key key = new Key(tenant, ws, subject.type().name(), subject.id());
        Optional<Visibility> known = cache.get(key);
        if (known != null) {
            return known;
        }
        Optional<Visibility> found;
        try {
            found = read(tenant, ws, subject.type(), subject.id());
        } catch (io.clientworkspace.ValidationException malformed) {
            found = Optional.empty();
        }
        cache.put(key, found);
        return found;
    }

    private Optional<Visibility> read(TenantId t, WorkspaceId ws, SubjectType type, String id) {
        return switch (type) {
            case FILE -> file(t, ws, FileId.of(id));
            case APPROVAL -> approval(t, ws, ApprovalId.of(id));
            case CONVERSATION -> conversation(t, ws, ConversationId.of(id));
            case REQUEST -> store(RequestStore.class).map(s -> s.find(t, ws, RequestId.of(id)).map(r -> Visibility.CLIENT))
                    .orElse(Optional.of(Visibility.CLIENT));
            case TASK -> task(t, ws, TaskId.of(id));
            case MILESTONE -> store(MilestoneStore.class)
                    .map(s -> s.find(t, ws, MilestoneId.of(id)).map(m -> project(t, ws, m.projectId())))
                    .orElse(Optional.of(Visibility.CLIENT));
            case PROJECT -> store(ProjectStore.class)
                    .map(s -> s.find(t, ws, ProjectId.of(id)).map(p -> p.visibility()))
                    .orElse(Optional.of(Visibility.CLIENT));
            case RECORD -> Optional.of(Visibility.CLIENT);
        };
    }

    private <T> Optional<T> store(Class<T> type) {
        return stores.find(type);
    }

    private Optional<Visibility> file(TenantId t, WorkspaceId ws, FileId id) {
        Optional<FileStore> files = store(FileStore.class);
        if (files.isEmpty()) {
            return Optional.of(Visibility.CLIENT);
        }
        Optional<FileAsset> file = files.get().find(t, ws, id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        FileAsset f = file.get();
        if (f.visibility() == Visibility.TEAM || f.status() != FileStatus.ACTIVE) {
            return Optional.of(Visibility.TEAM);
        }
        return Optional.of(folderChain(t, ws, f.folderId()));
    }

    /** TEAM if any folder from {@code folder} up to the root is internal (or missing, or the chain loops). */
    private Visibility folderChain(TenantId t, WorkspaceId ws, Optional<io.clientworkspace.FolderId> folder) {
        Optional<FolderStore> folders = store(FolderStore.class);
        Set<io.clientworkspace.FolderId> seen = new HashSet<>();
        Optional<io.clientworkspace.FolderId> next = folder;
        while (next.isPresent()) {
            if (folders.isEmpty() || !seen.add(next.get())) {
                return Visibility.TEAM;
            }
            Optional<Folder> f = folders.get().find(t, ws, next.get());
            if (f.isEmpty() || f.get().visibility() == Visibility.TEAM) {
                return Visibility.TEAM;
            }
            next = f.get().parentId();
        }
        return Visibility.CLIENT;
    }

    private Optional<Visibility> approval(TenantId t, WorkspaceId ws, ApprovalId id) {
        return store(ApprovalStore.class).map(s -> s.find(t, ws, id).map(r -> {
            if (r.subject() instanceof ApprovalSubject.FileVersionSubject f) {
                return file(t, ws, f.fileId()).orElse(Visibility.TEAM);
            }
            return Visibility.CLIENT;
        })).orElse(Optional.of(Visibility.CLIENT));
    }

    private Optional<Visibility> conversation(TenantId t, WorkspaceId ws, ConversationId id) {
        return store(ConversationStore.class).map(s -> s.find(t, ws, id).map(c -> {
            if (c.visibility() == Visibility.TEAM) {
                return Visibility.TEAM;
            }
            return c.item().map(item -> item(t, ws, item)).orElse(Visibility.CLIENT);
        })).orElse(Optional.of(Visibility.CLIENT));
    }

    /** The visibility of a conversation's item (TEAM when it is gone: its conversation is then the team's only). */
    private Visibility item(TenantId t, WorkspaceId ws, ItemRef item) {
        Optional<Visibility> v = switch (item.type()) {
            case FILE -> file(t, ws, FileId.of(item.id()));
            case APPROVAL -> approval(t, ws, ApprovalId.of(item.id()));
            case REQUEST -> store(RequestStore.class)
                    .map(s -> s.find(t, ws, RequestId.of(item.id())).map(r -> Visibility.CLIENT))
                    .orElse(Optional.of(Visibility.CLIENT));
            case TASK -> task(t, ws, TaskId.of(item.id()));
            case STATUS_UPDATE -> store(StatusUpdateStore.class)
                    .map(s -> s.find(t, ws, StatusUpdateId.of(item.id())).map(u -> u.visibility() == Visibility.TEAM
                            ? Visibility.TEAM : project(t, ws, u.projectId())))
                    .orElse(Optional.of(Visibility.CLIENT));
        };
        return v.orElse(Visibility.TEAM);
    }

    private Optional<Visibility> task(TenantId t, WorkspaceId ws, TaskId id) {
        Optional<TaskStore> tasks = store(TaskStore.class);
        if (tasks.isEmpty()) {
            return Optional.of(Visibility.CLIENT);
        }
        return tasks.get().find(t, ws, id).map(task -> {
            if (task.visibility() == Visibility.TEAM) {
                return Visibility.TEAM;
            }
            Optional<TaskList> list = store(TaskListStore.class).flatMap(s -> s.find(t, ws, task.listId()));
            if (list.isEmpty() || list.get().visibility() == Visibility.TEAM) {
                return Visibility.TEAM;
            }
            return list.get().projectId().map(p -> project(t, ws, p)).orElse(Visibility.CLIENT);
        });
    }

    /** The project's visibility, TEAM when it is gone. */
    private Visibility project(TenantId t, WorkspaceId ws, ProjectId id) {
        return store(ProjectStore.class).flatMap(s -> s.find(t, ws, id)).map(p -> p.visibility())
                .orElse(Visibility.TEAM);
    }

    private record Key(TenantId tenant, WorkspaceId ws, String type, String id) {
    }
}
