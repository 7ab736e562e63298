package io.clientworkspace.project;

import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An ordered list of tasks, in a project or at workspace level. The {@link TaskListKind#ONBOARDING} list is the
 * workspace's onboarding checklist (at most one, in no project, client-visible). Changes to its tasks never change
 * the list's {@code version} or {@code updatedAt}.
 *
 * @param projectId  the project it belongs to; empty for a workspace-level list
 * @param name       1 to 200 characters
 * @param visibility its own visibility; its effective visibility is TEAM also when its project is TEAM
 * @param version    optimistic version, 0 when created, +1 per change
 */
public record TaskList(TaskListId id, TenantId tenantId, WorkspaceId workspaceId, Optional<ProjectId> projectId,
                       TaskListKind kind, String name, Visibility visibility, Instant createdAt, Instant updatedAt,
                       long version) {

    public TaskList {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** A copy with another version (stores set it). */
    public TaskList withVersion(long newVersion) {
        return new TaskList(id, tenantId, workspaceId, projectId, kind, name, visibility, createdAt, updatedAt,
                newVersion);
    }

    /** A copy with another name, changed at {@code at}. */
    public TaskList withName(String newName, Instant at) {
        return new TaskList(id, tenantId, workspaceId, projectId, kind, requireNonNull(newName, "newName must not be null"),
                visibility, createdAt, at, version);
    }
}
