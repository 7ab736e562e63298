package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Events about approvals. Each carries the visibility of its subject. */
public interface ApprovalEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    /** The request. */
    ApprovalId requestId();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** Approval was requested. */
    record ApprovalRequested(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, String title,
                             Set<UserId> approvers, Visibility visibility, Actor actor, Instant occurredAt)
            implements ApprovalEvent {
    }

    /** An approver decided. */
    record DecisionRecorded(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, DecisionKind decision,
                            Visibility visibility, Actor actor, Instant occurredAt) implements ApprovalEvent {
    }

    /** The request left OPEN: approved, rejected, changes requested, cancelled, expired or superseded. */
    record ApprovalResolved(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, ApprovalStatus outcome,
                            Visibility visibility, Actor actor, Instant occurredAt) implements ApprovalEvent {
    }
}
