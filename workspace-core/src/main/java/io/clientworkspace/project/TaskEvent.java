package io.clientworkspace.project;

import io.clientworkspace.Actor;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Events about task lists and tasks. Each carries the effective visibility of its item (TEAM when the task, its list
 * or its project is TEAM), so internal tasks never reach clients. No activity entry holds a task's notes: only ids,
 * titles, sides, assignees and dates.
 */
public sealed interface TaskEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** The list the task or list event is about. */
    TaskListId listId();

    /** An entry on a task. */
    private static ActivityDescription task(TaskId taskId, String action, Map<String, String> details) {
        return entry(action, "task", taskId.value(), details);
    }

    /** An activity entry on {@code targetType}/{@code targetId}. */
    private static ActivityDescription entry(String action, String targetType, String targetId,
                                             Map<String, String> details) {
        return new ActivityDescription(action, targetType, targetId, details);
    }

    /** The details map of the given key/value pairs, skipping empty optionals. */
    private static Map<String, String> details(Object... keysAndValues) {
        Map<String, String> details = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Optional<?> optional) {
                String key = (String) keysAndValues[i];
                optional.ifPresent(v -> details.put(key, v.toString()));
                continue;
            }
            details.put((String) keysAndValues[i], value.toString());
        }
        return details;
    }

    /** Changed field names as one sorted, comma-separated value. */
    private static String joined(Set<String> changed) {
        return String.join(",", new TreeSet<>(changed));
    }

    /**
     * A task list was created (the onboarding checklist by the system actor {@code workspace}). Activity:
     * {@code task-list.created} with the name, kind and project.
     */
    record TaskListCreated(TenantId tenantId, WorkspaceId workspace, TaskListId listId, Optional<ProjectId> projectId,
                           TaskListKind kind, String name, Visibility visibility, Actor actor,
                           Instant occurredAt) implements TaskEvent {
        public TaskListCreated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(projectId, "projectId must not be null");
            requireNonNull(kind, "kind must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("task-list.created", "task-list", listId.value(),
                    details("name", name, "kind", kind, "project", projectId)));
        }
    }

    /**
     * A task list was renamed. Activity: {@code task-list.renamed} with the new name.
     */
    record TaskListRenamed(TenantId tenantId, WorkspaceId workspace, TaskListId listId, String name,
                           Visibility visibility, Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskListRenamed {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(name, "name must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry("task-list.renamed", "task-list", listId.value(), details("name", name)));
        }
    }

    /**
     * A task was added (last in its list). Activity: {@code task.added} with the list, title, side, assignee and
     * due date.
     */
    record TaskAdded(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                     TaskSide side, Optional<UserId> assignee, Optional<LocalDate> dueDate, Visibility visibility,
                     Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskAdded {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(side, "side must not be null");
            requireNonNull(assignee, "assignee must not be null");
            requireNonNull(dueDate, "dueDate must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.added", details("list", listId, "title", title, "side", side, "assignee", assignee,
                    "due", dueDate)));
        }
    }

    /**
     * A task's details other than its assignee changed. Activity: {@code task.updated} with the list, title and the
     * changed fields (e.g. {@code dueDate,title}).
     */
    record TaskUpdated(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                       Set<String> changed, Visibility visibility, Actor actor,
                       Instant occurredAt) implements TaskEvent {
        public TaskUpdated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            changed = Set.copyOf(requireNonNull(changed, "changed must not be null"));
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.updated", details("list", listId, "title", title, "changed", joined(changed))));
        }
    }

    /**
     * A task's assignee changed (also when a task is added with an assignee). Activity: {@code task.assigned} with
     * the assignee ("" when unassigned).
     */
    record TaskAssigned(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                        Optional<UserId> assignee, Visibility visibility, Actor actor,
                        Instant occurredAt) implements TaskEvent {
        public TaskAssigned {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(assignee, "assignee must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.assigned", details("list", listId, "title", title,
                    "assignee", assignee.map(UserId::value).orElse(""))));
        }
    }

    /**
     * A task was ticked done. Activity: {@code task.completed} with the list and title.
     */
    record TaskCompleted(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                         Visibility visibility, Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskCompleted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.completed", details("list", listId, "title", title)));
        }
    }

    /**
     * A done task was ticked undone. Activity: {@code task.reopened} with the list and title.
     */
    record TaskReopened(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                        Visibility visibility, Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskReopened {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.reopened", details("list", listId, "title", title)));
        }
    }

    /**
     * A task was moved within its list. Activity: {@code task.moved} with the list and title (never its neighbours:
     * one may be internal).
     */
    record TaskMoved(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                     Visibility visibility, Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskMoved {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.moved", details("list", listId, "title", title)));
        }
    }

    /**
     * A task was deleted. Activity: {@code task.deleted} with the list and title.
     */
    record TaskDeleted(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                       Visibility visibility, Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskDeleted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.deleted", details("list", listId, "title", title)));
        }
    }

    /**
     * The overdue sweep found a task past due and not done (raised once per due date; its actor is the system
     * actor {@code workspace}). Activity: {@code task.overdue} with the list, title, due date, side and assignee.
     */
    record TaskOverdue(TenantId tenantId, WorkspaceId workspace, TaskListId listId, TaskId taskId, String title,
                       LocalDate dueDate, TaskSide side, Optional<UserId> assignee, Visibility visibility,
                       Actor actor, Instant occurredAt) implements TaskEvent {
        public TaskOverdue {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(listId, "listId must not be null");
            requireNonNull(taskId, "taskId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(dueDate, "dueDate must not be null");
            requireNonNull(side, "side must not be null");
            requireNonNull(assignee, "assignee must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(task(taskId, "task.overdue", details("list", listId, "title", title, "due", dueDate, "side", side,
                    "assignee", assignee)));
        }
    }
}
