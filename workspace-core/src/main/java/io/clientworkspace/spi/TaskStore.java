package io.clientworkspace.spi;

import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Task;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stores tasks, scoped by tenant and workspace, and keeps their order within their list.
 *
 * <p><b>Order.</b> The store keeps a rank per task (not part of {@link Task}, never shown): a new task goes last
 * (rank = the list's highest + a gap, e.g. 2^20), a moved task between its new neighbours' ranks; when two neighbours
 * leave no room, the store renumbers the whole list (evenly spaced again) in the same unit of work. Renumbering
 * changes no task's version. Pages seek from a task's rank ({@link #list}), so hidden tasks leave no trace in pages
 * or cursors.
 *
 * <p>The store also keeps, per task, the due date for which the overdue event was raised (the "overdue mark").
 */
public interface TaskStore {

    /**
     * Stores a new task at version 0, last in its list, without an overdue mark.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    Task insert(Task task);

    /**
     * Replaces a task whose stored version equals {@code task.version()}; the stored copy has version + 1. Its place
     * in the list and its overdue mark are kept.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    Task update(Task task);

    /**
     * Replaces a task like {@link #update} and puts it right after {@code after} in its list (first when empty),
     * renumbering the list when there is no room; one unit of work.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the stored version is not
     *                                              {@code task.version()} (also when it does not exist)
     * @throws IllegalArgumentException             if {@code after} is the task itself or not a task of its list
     *                                              (the service checks both before)
     */
    Task move(Task task, Optional<TaskId> after);

    /**
     * Deletes a task whose stored version is {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    void delete(TenantId tenantId, WorkspaceId workspaceId, TaskId id, long expectedVersion);

    /** The task with this id in this workspace, whatever its visibility. */
    Optional<Task> find(TenantId tenantId, WorkspaceId workspaceId, TaskId id);

    /**
     * Up to {@code limit} tasks of the list in list order, starting after the task {@code after} (from its rank);
     * internal tasks (by the task's own visibility) only when {@code includeInternal}. Filtering happens in the query.
     *
     * @throws io.clientworkspace.NotFoundException ({@code "task"}, the id) if {@code after} is not a task of the
     *                                              list, or is internal and {@code includeInternal} is false
     */
    List<Task> list(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId, boolean includeInternal,
                    Optional<TaskId> after, int limit);

    /**
     * Done and total tasks of the list, counted in the store; internal tasks (by the task's own visibility) only
     * when {@code includeInternal}.
     */
    ChecklistProgress progress(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId, boolean includeInternal);

    /**
     * Up to {@code limit} tasks of the workspace due on {@code from} to {@code to} (both inclusive), by due date then
     * id; when {@code includeInternal} is false only tasks whose effective visibility is CLIENT (the task, its list
     * and the list's project all client-visible).
     */
    List<Task> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                          boolean includeInternal, int limit);

    /**
     * For the overdue sweep, across every tenant (the one store call without a tenant scope; hosts run it as a job):
     * up to {@code limit} tasks not done, due before {@code today}, whose overdue mark is not their due date, in
     * any workspace (archived ones too: the sweep marks those without raising them, so that a raised or archived
     * task is never scanned again), oldest due date first (then by id). A store should answer this from an index
     * holding only tasks that are open and not marked for their current due date.
     */
    List<Task> overdueCandidates(LocalDate today, int limit);

    /**
     * Sets the overdue mark of the task to {@code dueDate} if, at this moment, it is not done, its due date is
     * {@code dueDate} and its mark is not {@code dueDate} already (one conditional update). Does not change the
     * version. Of concurrent callers (threads or nodes) exactly one gets {@code true}.
     *
     * @return whether this call set the mark
     */
    boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, TaskId id, LocalDate dueDate);

    /**
     * How many tasks of the workspace are overdue on {@code today}, for the operator dashboard, in one aggregate call:
     * tasks not completed ({@link Task#completed()} empty) whose due date is before {@code today}, whatever their
     * visibility, list or project (the overdue mark plays no part). Stores should override it with one statement,
     * e.g. {@code select count(*) from ... where tenant_id = ? and workspace_id = ? and completed_at is null and
     * due_date < ?}. The default reads {@link #dueBetween} from {@link io.clientworkspace.internal.DateBounds#MIN_DATE}
     * to the day before {@code today}.
     */
    default int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        if (!today.isAfter(io.clientworkspace.internal.DateBounds.MIN_DATE)) {
            return 0;
        }
        return (int) dueBetween(tenantId, workspaceId, io.clientworkspace.internal.DateBounds.MIN_DATE,
                today.minusDays(1), true, Integer.MAX_VALUE).stream()
                .filter(t -> t.completed().isEmpty()).count();
    }
}
