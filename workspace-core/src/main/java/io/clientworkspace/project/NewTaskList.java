package io.clientworkspace.project;

import io.clientworkspace.ProjectId;
import io.clientworkspace.activity.Visibility;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A new ordinary ({@link TaskListKind#PROJECT}) task list: in a project of the workspace, or at workspace level when
 * {@code projectId} is empty. Checked by the service: {@code name} 1 to 200 characters, not blank; {@code projectId}
 * a project the actor sees.
 */
public record NewTaskList(Optional<ProjectId> projectId, String name, Visibility visibility) {

    public NewTaskList {
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
