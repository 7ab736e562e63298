package io.clientworkspace.handoff;

import io.clientworkspace.ProjectId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TaskId;
import io.clientworkspace.WorkspaceId;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a handoff moves in one workspace.
 *
 * @param workspaceId   the workspace
 * @param name          its name
 * @param slug          its slug
 * @param lead          whether the leaving member leads it (the lead role moves; the leaving member stays a MEMBER)
 * @param joinsAsMember whether the new member is not yet a member and joins as a team MEMBER (or LEAD, when
 *                      {@code lead})
 * @param tasks         open tasks assigned to the leaving member, by id (internal ones included)
 * @param requests      open requests assigned to the leaving member, by id
 * @param projectsOwned projects owned by the leaving member, by id
 */
public record WorkspaceHandoff(WorkspaceId workspaceId, String name, String slug, boolean lead, boolean joinsAsMember,
                               List<TaskId> tasks, List<RequestId> requests, List<ProjectId> projectsOwned) {

    public WorkspaceHandoff {
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(slug, "slug must not be null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks must not be null"));
        requests = List.copyOf(requireNonNull(requests, "requests must not be null"));
        projectsOwned = List.copyOf(requireNonNull(projectsOwned, "projectsOwned must not be null"));
    }

    /** Whether anything moves here. */
    public boolean movesAnything() {
        return lead || !tasks.isEmpty() || !requests.isEmpty() || !projectsOwned.isEmpty();
    }
}
