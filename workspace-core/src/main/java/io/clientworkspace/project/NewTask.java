package io.clientworkspace.project;

import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A task's details, to add one or to replace every detail of one ({@code TaskService.update}). Checked by the service
 * (every invalid field at once): {@code title} 1 to 200 characters, not blank; {@code notes} 0 to 10,000;
 * {@code assignee} a member of the workspace on {@code side} (a client assignee must hold COMPLETE_TASKS); a task
 * whose effective visibility is TEAM must have side TEAM; tasks of the onboarding checklist are client-visible.
 */
public record NewTask(String title, String notes, TaskSide side, Optional<UserId> assignee,
                      Optional<LocalDate> dueDate, Visibility visibility) {

    public NewTask {
        requireNonNull(title, "title must not be null");
        requireNonNull(notes, "notes must not be null");
        requireNonNull(side, "side must not be null");
        requireNonNull(assignee, "assignee must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
