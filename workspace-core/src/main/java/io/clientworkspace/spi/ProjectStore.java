package io.clientworkspace.spi;

import io.clientworkspace.project.ProjectHealth;
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

    /**
     * The workspace's health for the operator dashboard, in one aggregate call: of its projects whose health is not
     * {@link ProjectHealth#COMPLETED} (internal ones included), the health with the greatest
     * {@link ProjectHealth#severity()}; {@link ProjectHealth#ON_TRACK} when there is none. Stores should override it
     * with one statement (e.g. {@code select max(case health when 'OFF_TRACK' then 4 when 'AT_RISK' then 3 when
     * 'ON_HOLD' then 2 when 'ON_TRACK' then 1 end) from ... where tenant_id = ? and workspace_id = ? and health <>
     * 'COMPLETED'}). The default pages through {@link #list}.
     */
    default ProjectHealth worstHealth(TenantId tenantId, WorkspaceId workspaceId) {
        ProjectHealth worst = ProjectHealth.ON_TRACK;
        Optional<ProjectId> after = Optional.empty();
        while (true) {
            List<Project> batch = list(tenantId, workspaceId, true, after, 500);
            for (Project p : batch) {
                if (p.health() != ProjectHealth.COMPLETED && p.health().severity() > worst.severity()) {
                    worst = p.health();
                }
            }
            if (batch.size() < 500) {
                return worst;
            }
            after = Optional.of(batch.get(batch.size() - 1).id());
        }
    }
}
