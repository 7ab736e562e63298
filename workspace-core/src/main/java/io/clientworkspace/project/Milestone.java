package io.clientworkspace.project;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A dated milestone of a project; it has its project's visibility. A milestone that {@code requiresApproval} can
 * only be delivered while its linked approval is APPROVED. As returned by the service, {@code approval} is empty
 * when the reader may not see the linked approval.
 *
 * @param title            1 to 200 characters
 * @param dueDate          when it is due, if dated
 * @param requiresApproval whether delivering it needs an approved linked approval
 * @param approval         the approval that signs it off, if linked
 * @param delivered        when and by whom it was delivered, if it is
 * @param version          optimistic version, 0 when created, +1 per change
 */
public record Milestone(MilestoneId id, TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId, String title,
                        Optional<LocalDate> dueDate, boolean requiresApproval, Optional<ApprovalId> approval,
                        Optional<Delivery> delivered, Instant createdAt, Instant updatedAt, long version) {

    public Milestone {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        requireNonNull(approval, "approval must not be null");
        requireNonNull(delivered, "delivered must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** Whether it has been delivered. */
    public boolean isDelivered() {
        return delivered.isPresent();
    }

    /** A copy with another version (stores set it). */
    public Milestone withVersion(long newVersion) {
        return new Milestone(id, tenantId, workspaceId, projectId, title, dueDate, requiresApproval, approval,
                delivered, createdAt, updatedAt, newVersion);
    }

    /** A copy with other details, changed at {@code at}. */
    public Milestone withDetails(NewMilestone details, Instant at) {
        return new Milestone(id, tenantId, workspaceId, projectId, details.title(), details.dueDate(),
                details.requiresApproval(), approval, delivered, createdAt, at, version);
    }

    /** A copy linked to another approval (or none), changed at {@code at}. */
    public Milestone withApproval(Optional<ApprovalId> newApproval, Instant at) {
        return new Milestone(id, tenantId, workspaceId, projectId, title, dueDate, requiresApproval, newApproval,
                delivered, createdAt, at, version);
    }

    /** A copy delivered (or not), changed at {@code at}. */
    public Milestone withDelivered(Optional<Delivery> newDelivered, Instant at) {
        return new Milestone(id, tenantId, workspaceId, projectId, title, dueDate, requiresApproval, approval,
                newDelivered, createdAt, at, version);
    }
}
