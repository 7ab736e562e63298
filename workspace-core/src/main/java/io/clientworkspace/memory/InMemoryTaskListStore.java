package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.spi.TaskListStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link TaskListStore} in memory. */
final class InMemoryTaskListStore implements TaskListStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, TaskListId id) {
    }

    private record Scope(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryProjectStore projects;
    private final Map<Key, TaskList> lists = new HashMap<>();
    private final Map<Scope, TaskListId> onboarding = new HashMap<>();

    InMemoryTaskListStore(InMemoryTransactions tx, InMemoryProjectStore projects) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.projects = requireNonNull(projects, "projects must not be null");
    }

    @Override
    public TaskList insert(TaskList list) {
        requireNonNull(list, "list must not be null");
        return tx.write(() -> {
            Key key = key(list);
            Scope scope = new Scope(list.tenantId(), list.workspaceId());
            if (lists.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Task list '" + list.id() + "' already exists");
            }
            boolean isOnboarding = list.kind() == TaskListKind.ONBOARDING;
            if (isOnboarding && onboarding.containsKey(scope)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Workspace '" + list.workspaceId() + "' already has an onboarding checklist");
            }
            TaskList stored = list.withVersion(0);
            lists.put(key, stored);
            if (isOnboarding) {
                onboarding.put(scope, list.id());
            }
            return new Undoable<>(stored, () -> {
                lists.remove(key);
                if (isOnboarding) {
                    onboarding.remove(scope);
                }
            });
        });
    }

    @Override
    public TaskList update(TaskList list) {
        requireNonNull(list, "list must not be null");
        return tx.write(() -> {
            Key key = key(list);
            TaskList current = lists.get(key);
            if (current == null || current.version() != list.version()) {
                throw ConflictException.staleVersion("task list", list.id().value(), list.version());
            }
            if (current.kind() != list.kind() || !current.projectId().equals(list.projectId())) {
                throw new IllegalArgumentException("a task list keeps its kind and project");
            }
            TaskList stored = list.withVersion(current.version() + 1);
            lists.put(key, stored);
            return new Undoable<>(stored, () -> lists.put(key, current));
        });
    }

    @Override
    public Optional<TaskList> find(TenantId tenantId, WorkspaceId workspaceId, TaskListId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(lists.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public Optional<TaskList> findOnboarding(TenantId tenantId, WorkspaceId workspaceId) {
        return tx.read(() -> Optional.ofNullable(onboarding.get(new Scope(tenantId, workspaceId)))
                .map(id -> lists.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<TaskList> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ProjectId> projectId,
                               boolean includeInternal, int limit) {
        requireNonNull(projectId, "projectId must not be null");
        return tx.read(() -> lists.values().stream()
                .filter(l -> l.tenantId().equals(tenantId) && l.workspaceId().equals(workspaceId))
                .filter(l -> l.projectId().equals(projectId))
                .filter(l -> includeInternal || l.visibility() == Visibility.CLIENT)
                .sorted(Comparator.comparing(TaskList::id))
                .limit(limit).toList());
    }

    /** Whether the list, and its project if any, are client-visible (callers hold the lock). */
    boolean clientVisible(TenantId tenantId, WorkspaceId workspaceId, TaskListId id) {
        TaskList list = lists.get(new Key(tenantId, workspaceId, id));
        if (list == null || list.visibility() != Visibility.CLIENT) {
            return false;
        }
        return list.projectId().map(p -> projects.visibility(tenantId, workspaceId, p)
                .filter(v -> v == Visibility.CLIENT).isPresent()).orElse(true);
    }

    private static Key key(TaskList l) {
        return new Key(l.tenantId(), l.workspaceId(), l.id());
    }
}
