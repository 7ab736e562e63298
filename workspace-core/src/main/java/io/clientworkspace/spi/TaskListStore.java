package io.clientworkspace.spi;

import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.TaskList;

import java.util.List;
import java.util.Optional;

/** Stores task lists, scoped by tenant and workspace. */
public interface TaskListStore {

    /**
     * Stores a new list at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken, or if it is an
     *                                              {@code ONBOARDING} list and the workspace has one already (the
     *                                              JPA store: a unique index; so concurrent creators get one winner)
     */
    TaskList insert(TaskList list);

    /**
     * Replaces a list whose stored version equals {@code list.version()}; the stored copy has version + 1.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    TaskList update(TaskList list);

    /** The list with this id in this workspace, whatever its visibility. */
    Optional<TaskList> find(TenantId tenantId, WorkspaceId workspaceId, TaskListId id);

    /** The workspace's onboarding checklist, if created. */
    Optional<TaskList> findOnboarding(TenantId tenantId, WorkspaceId workspaceId);

    /**
     * Up to {@code limit} lists of the project (or, when {@code projectId} is empty, the workspace-level lists, the
     * onboarding checklist included) in creation order (by id); internal ones (by the list's own visibility) only
     * when {@code includeInternal}.
     */
    List<TaskList> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ProjectId> projectId,
                        boolean includeInternal, int limit);
}
