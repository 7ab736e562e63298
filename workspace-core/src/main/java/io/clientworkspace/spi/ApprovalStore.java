package io.clientworkspace.spi;

import io.clientworkspace.dashboard.OpenItems;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.Decision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores approval requests and their append-only decision records. */
public interface ApprovalStore {

    /**
     * Stores a new request at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    ApprovalRequest insert(ApprovalRequest request);

    /**
     * Replaces a request whose stored version equals {@code request.version()}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     */
    ApprovalRequest update(ApprovalRequest request);

    /** The request with this id in this workspace. */
    Optional<ApprovalRequest> find(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id);

    /**
     * The requests with these ids in this workspace, in no particular order; ids that do not exist (or belong to
     * another workspace) are left out. The default calls {@link #find} once per id; stores should override it with
     * one query (a project's milestones show their linked approvals with it).
     */
    default List<ApprovalRequest> findAll(TenantId tenantId, WorkspaceId workspaceId, Collection<ApprovalId> ids) {
        return ids.stream().distinct().map(id -> find(tenantId, workspaceId, id)).flatMap(Optional::stream).toList();
    }

    /** Like {@link #find}, and inside a unit of work locks the request until it ends. */
    default Optional<ApprovalRequest> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        return find(tenantId, workspaceId, id);
    }

    /**
     * Up to {@code limit} requests of the workspace, newest first (by id, which is time-ordered), with
     * ids before {@code beforeId}; only those with the given status when present.
     */
    List<ApprovalRequest> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ApprovalStatus> status,
                               Optional<ApprovalId> beforeId, int limit);

    /** Every request of the workspace about the given file (any version), newest first, at most {@code limit}. */
    List<ApprovalRequest> listForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int limit);

    /** Up to {@code limit} OPEN requests of any workspace whose due date is before {@code now}, for the expiry sweep. */
    List<ApprovalRequest> listOverdue(Instant now, int limit);

    /**
     * Appends a decision; its sequence must be one more than the request's latest.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if that sequence is taken or skips ahead
     */
    void appendDecision(Decision decision);

    /** The request's decisions in order. */
    List<Decision> decisions(TenantId tenantId, WorkspaceId workspaceId, ApprovalId requestId);

    /**
     * The workspace's pending approvals for the operator dashboard, in one aggregate call: how many requests have
     * status {@link ApprovalStatus#OPEN} (every subject and visibility; the dashboard shows team facts) and the
     * earliest {@link ApprovalRequest#requestedAt()} among them. The dashboard calls it inside the unit of work of
     * every change to the workspace's approvals, so stores should override it with one statement, e.g. {@code select
     * count(*), min(requested_at) from ... where tenant_id = ? and workspace_id = ? and status = 'OPEN'} (served by an
     * index on (tenant, workspace, status)). The default pages through {@link #list}.
     */
    default OpenItems pendingSummary(TenantId tenantId, WorkspaceId workspaceId) {
        int count = 0;
        Instant oldest = null;
        Optional<ApprovalId> before = Optional.empty();
        while (true) {
            List<ApprovalRequest> batch = list(tenantId, workspaceId, Optional.of(ApprovalStatus.OPEN), before, 500);
            for (ApprovalRequest r : batch) {
                count++;
                if (oldest == null || r.requestedAt().isBefore(oldest)) {
                    oldest = r.requestedAt();
                }
            }
            if (batch.size() < 500) {
                return new OpenItems(count, Optional.ofNullable(oldest));
            }
            before = Optional.of(batch.get(batch.size() - 1).id());
        }
    }
}
