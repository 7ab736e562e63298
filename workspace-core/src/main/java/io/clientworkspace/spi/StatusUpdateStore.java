package io.clientworkspace.spi;

import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.StatusUpdate;

import java.util.List;
import java.util.Optional;

/** Stores status updates and their acknowledgements, scoped by tenant and workspace. */
public interface StatusUpdateStore {

    /**
     * Stores a new status update at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    StatusUpdate insert(StatusUpdate update);

    /** The status update with this id in this workspace, whatever its visibility. */
    Optional<StatusUpdate> find(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id);

    /**
     * Up to {@code limit} status updates of the project, newest first (by id, which is time-ordered), with ids before
     * {@code beforeId}; internal ones (by the update's own visibility) only when {@code includeInternal}.
     */
    List<StatusUpdate> list(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId, boolean includeInternal,
                            Optional<StatusUpdateId> beforeId, int limit);

    /**
     * Adds the acknowledgement unless its user already acknowledged the update (the first one is kept).
     *
     * @return whether it was added
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if a concurrent acknowledgement by the same
     *                                              user committed first (the JPA store: its unique key); the caller
     *                                              then re-reads
     */
    boolean acknowledge(TenantId tenantId, WorkspaceId workspaceId, Acknowledgement acknowledgement);

    /** The user's acknowledgement of the update, if any. */
    Optional<Acknowledgement> findAcknowledgement(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id,
                                                  UserId user);

    /** Up to {@code limit} acknowledgements of the update, oldest first (then by user). */
    List<Acknowledgement> acknowledgements(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id, int limit);
}
