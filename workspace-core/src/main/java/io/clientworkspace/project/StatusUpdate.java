package io.clientworkspace.project;

import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A status post about a project (the weekly update). A client-visible one sets its project's health; an internal
 * one does not. Posted updates are not edited.
 *
 * @param health     the health it reports
 * @param summary    1 to 5,000 characters
 * @param done       what was done, 0 to 10,000 characters
 * @param next       what comes next, 0 to 10,000 characters
 * @param risks      what might go wrong, 0 to 10,000 characters
 * @param visibility its own visibility; its effective visibility is TEAM also when its project is TEAM
 * @param author     the team member who posted it
 * @param version    optimistic version (0; reserved for edits)
 */
public record StatusUpdate(StatusUpdateId id, TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId,
                           ProjectHealth health, String summary, String done, String next, String risks,
                           Visibility visibility, UserId author, Instant postedAt, long version) {

    public StatusUpdate {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(health, "health must not be null");
        requireNonNull(summary, "summary must not be null");
        requireNonNull(done, "done must not be null");
        requireNonNull(next, "next must not be null");
        requireNonNull(risks, "risks must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(author, "author must not be null");
        requireNonNull(postedAt, "postedAt must not be null");
    }

    /** A copy with another version (stores set it). */
    public StatusUpdate withVersion(long newVersion) {
        return new StatusUpdate(id, tenantId, workspaceId, projectId, health, summary, done, next, risks, visibility,
                author, postedAt, newVersion);
    }
}
