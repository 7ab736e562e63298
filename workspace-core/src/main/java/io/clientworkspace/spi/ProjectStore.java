package io.clientworkspace.spi;

import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.Project;

import java.util.List;
import java.util.Optional;

/** Stores projects, scoped by tenant and workspace. */
public interface ProjectStore {

    /**
     * Stores a new project at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    Project insert(Project project);

    /**
     * Replaces a project whose stored version equals {@code project.version()}; the stored copy has version + 1.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    Project update(Project project);

    /** The project with this id in this workspace, whatever its visibility. */
    Optional<Project> find(TenantId tenantId, WorkspaceId workspaceId, ProjectId id);

    /**
     * Up to {@code limit} projects of the workspace in creation order (by id, which is time-ordered), with ids after
     * {@code afterId}; internal ones only when {@code includeInternal}. Filtering happens in the query, so a page is
     * full whenever more visible projects follow.
     */
    List<Project> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                       Optional<ProjectId> afterId, int limit);

    /** How many projects the workspace has; internal ones counted only when {@code includeInternal}. */
    long count(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal);
}
