package io.clientworkspace.approval;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A request that chosen members approve something.
 *
 * @param id          the request's id
 * @param tenantId    the tenant
 * @param workspaceId the workspace
 * @param title       short title
 * @param message     optional message to the approvers
 * @param subject     a file version (with its SHA-256) or a deliverable
 * @param approvers   who is asked to decide (sorted, unmodifiable)
 * @param policy      how decisions become an outcome
 * @param dueAt       after this instant an open request expires
 * @param status      where it stands
 * @param requestedBy who asked
 * @param requestedAt when
 * @param resolvedAt  when it left {@link ApprovalStatus#OPEN}
 * @param version     optimistic version
 */
public record ApprovalRequest(ApprovalId id, TenantId tenantId, WorkspaceId workspaceId, String title,
                              Optional<String> message, ApprovalSubject subject, Set<UserId> approvers,
                              ApprovalPolicy policy, Optional<Instant> dueAt, ApprovalStatus status,
                              UserId requestedBy, Instant requestedAt, Optional<Instant> resolvedAt, long version) {

    public ApprovalRequest {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(message, "message must not be null");
        requireNonNull(subject, "subject must not be null");
        approvers = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(approvers, "approvers must not be null")));
        requireNonNull(policy, "policy must not be null");
        requireNonNull(dueAt, "dueAt must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(requestedBy, "requestedBy must not be null");
        requireNonNull(requestedAt, "requestedAt must not be null");
        requireNonNull(resolvedAt, "resolvedAt must not be null");
    }

    /** A copy that left OPEN with {@code outcome} at {@code at}. */
    public ApprovalRequest resolved(ApprovalStatus outcome, Instant at) {
        return new ApprovalRequest(id, tenantId, workspaceId, title, message, subject, approvers, policy, dueAt, outcome,
                requestedBy, requestedAt, Optional.of(at), version);
    }

    /**
     * The status as of {@code now}: an open request past its due date reads as EXPIRED. At the due date
     * itself it is still open, as {@code ApprovalStore.listOverdue} ("due before now") sees it.
     */
    public ApprovalStatus statusAt(Instant now) {
        if (status == ApprovalStatus.OPEN && dueAt.isPresent() && now.isAfter(dueAt.get())) {
            return ApprovalStatus.EXPIRED;
        }
        return status;
    }

    /** Turnaround from request to resolution, once resolved. */
    public Optional<Duration> turnaround() {
        return resolvedAt.map(r -> Duration.between(requestedAt, r));
    }
}
