package io.clientworkspace.project;

import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A task in a list. Its position in the list is kept by the store (see {@code TaskStore}) and is deliberately not
 * part of the record: moving a task changes its version, never anything of the tasks around it.
 *
 * @param listId     the list it is in (a task never changes lists)
 * @param title      1 to 200 characters
 * @param notes      0 to 10,000 characters
 * @param side       which side should act on it
 * @param assignee   who should act, a member of the workspace on {@code side}
 * @param dueDate    when it is due, if dated
 * @param completed  when and by whom it was ticked done, if it is
 * @param visibility its own visibility; its effective visibility is TEAM also when its list or project is TEAM
 * @param createdBy  who added it
 * @param version    optimistic version, 0 when created, +1 per change (moves and completions included)
 */
public record Task(TaskId id, TenantId tenantId, WorkspaceId workspaceId, TaskListId listId, String title,
                   String notes, TaskSide side, Optional<UserId> assignee, Optional<LocalDate> dueDate,
                   Optional<Completion> completed, Visibility visibility, UserId createdBy, Instant createdAt,
                   Instant updatedAt, long version) {

    public Task {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(listId, "listId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(notes, "notes must not be null");
        requireNonNull(side, "side must not be null");
        requireNonNull(assignee, "assignee must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        requireNonNull(completed, "completed must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** Whether it is ticked done. */
    public boolean isDone() {
        return completed.isPresent();
    }

    /** A copy with another version (stores set it). */
    public Task withVersion(long newVersion) {
        return new Task(id, tenantId, workspaceId, listId, title, notes, side, assignee, dueDate, completed,
                visibility, createdBy, createdAt, updatedAt, newVersion);
    }

    /** A copy with other details, changed at {@code at}. */
    public Task withDetails(NewTask details, Instant at) {
        return new Task(id, tenantId, workspaceId, listId, details.title(), details.notes(), details.side(),
                details.assignee(), details.dueDate(), completed, details.visibility(), createdBy, createdAt, at,
                version);
    }

    /** A copy done (or not), changed at {@code at}. */
    public Task withCompleted(Optional<Completion> newCompleted, Instant at) {
        return new Task(id, tenantId, workspaceId, listId, title, notes, side, assignee, dueDate,
                requireNonNull(newCompleted, "newCompleted must not be null"), visibility, createdBy, createdAt, at,
                version);
    }

    /** A copy touched at {@code at} (a move). */
    public Task withUpdatedAt(Instant at) {
        return new Task(id, tenantId, workspaceId, listId, title, notes, side, assignee, dueDate, completed,
                visibility, createdBy, createdAt, requireNonNull(at, "at must not be null"), version);
    }
}
