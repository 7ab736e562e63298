package io.clientworkspace.approval;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One decision of the append-only approval record. An approver may decide again while the request
 * is open; every decision is kept, in order, and the latest per approver counts.
 *
 * @param tenantId      the tenant
 * @param workspaceId   the workspace
 * @param requestId     the request
 * @param sequence      position in the request's record, from 1
 * @param approver      who decided
 * @param approverKind  team or client
 * @param kind          approve, reject or request changes
 * @param comment       required for reject and request changes
 * @param decidedAt     when
 * @param versionNumber for a file subject: the version decided on
 * @param sha256        for a file subject: the SHA-256 of the exact bytes decided on
 */
public record Decision(TenantId tenantId, WorkspaceId workspaceId, ApprovalId requestId, int sequence,
                       UserId approver, ActorKind approverKind, DecisionKind kind, Optional<String> comment,
                       Instant decidedAt, Optional<Integer> versionNumber, Optional<String> sha256) {

    public Decision {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(requestId, "requestId must not be null");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1");
        }
        requireNonNull(approver, "approver must not be null");
        requireNonNull(approverKind, "approverKind must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(comment, "comment must not be null");
        requireNonNull(decidedAt, "decidedAt must not be null");
        requireNonNull(versionNumber, "versionNumber must not be null");
        requireNonNull(sha256, "sha256 must not be null");
    }
}
