package io.clientworkspace.project;

import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A project in a workspace. Projects are never deleted: a finished one is {@link ProjectHealth#COMPLETED} and stays
 * readable; it is archived with its workspace. Changes to its milestones, task lists, tasks and status updates never
 * change its {@code version} or {@code updatedAt}; only a client-visible status update or {@code setHealth} changes
 * its health.
 *
 * @param name        1 to 200 characters
 * @param description 0 to 10,000 characters
 * @param visibility  whether clients see it (and its milestones, lists, tasks and status updates)
 * @param startDate   when work starts, if planned
 * @param targetDate  when it should be done, if planned; never before {@code startDate}
 * @param health      the current health
 * @param owner       the team member of the workspace who answers for it
 * @param createdBy   who created it
 * @param version     optimistic version, 0 when created, +1 per change
 */
public record Project(ProjectId id, TenantId tenantId, WorkspaceId workspaceId, String name, String description,
                      Visibility visibility, Optional<LocalDate> startDate, Optional<LocalDate> targetDate,
                      ProjectHealth health, UserId owner, UserId createdBy, Instant createdAt, Instant updatedAt,
                      long version) {

    public Project {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(startDate, "startDate must not be null");
        requireNonNull(targetDate, "targetDate must not be null");
        requireNonNull(health, "health must not be null");
        requireNonNull(owner, "owner must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** A copy with another version (stores set it). */
    public Project withVersion(long newVersion) {
        return new Project(id, tenantId, workspaceId, name, description, visibility, startDate, targetDate, health,
                owner, createdBy, createdAt, updatedAt, newVersion);
    }

    /** A copy with other details, changed at {@code at}. */
    public Project withDetails(NewProject details, Instant at) {
        return new Project(id, tenantId, workspaceId, details.name(), details.description(), details.visibility(),
                details.startDate(), details.targetDate(), health, details.owner(), createdBy, createdAt, at, version);
    }

    /** A copy with another health, changed at {@code at}. */
    public Project withHealth(ProjectHealth newHealth, Instant at) {
        return new Project(id, tenantId, workspaceId, name, description, visibility, startDate, targetDate,
                requireNonNull(newHealth, "newHealth must not be null"), owner, createdBy, createdAt, at, version);
    }
}
