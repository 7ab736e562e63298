package io.clientworkspace.spi;

import io.clientworkspace.AssignmentId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;

import java.util.List;
import java.util.Optional;

/** Stores form assignments (with their draft answers), scoped by tenant and workspace. */
public interface FormAssignmentStore {

    /**
     * Stores a new assignment at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    FormAssignment insert(FormAssignment assignment);

    /**
     * Replaces an assignment whose stored version equals {@code assignment.version()}; the stored copy has
     * version + 1. Of two updates from the same version exactly one succeeds.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    FormAssignment update(FormAssignment assignment);

    /** The assignment with this id in this workspace. */
    Optional<FormAssignment> find(TenantId tenantId, WorkspaceId workspaceId, AssignmentId id);

    /**
     * Up to {@code limit} assignments of the workspace, newest first (by id), with ids before {@code beforeId}; only
     * those with {@code status} when present.
     */
    List<FormAssignment> list(TenantId tenantId, WorkspaceId workspaceId, Optional<AssignmentStatus> status,
                              Optional<AssignmentId> beforeId, int limit);
}
