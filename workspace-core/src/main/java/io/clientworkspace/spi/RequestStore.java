package io.clientworkspace.spi;

import java.util.EnumSet;
import java.time.Instant;
import io.clientworkspace.dashboard.OpenItems;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.RequestStatus;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores client requests, scoped by tenant and workspace. */
public interface RequestStore {

    /**
     * Stores a new request at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    ClientRequest insert(ClientRequest request);

    /**
     * Replaces a request whose stored version equals {@code request.version()}; the stored copy has version + 1.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    ClientRequest update(ClientRequest request);

    /** The request with this id in this workspace. */
    Optional<ClientRequest> find(TenantId tenantId, WorkspaceId workspaceId, RequestId id);

    /**
     * Up to {@code limit} requests of the workspace, newest first (by id, which is time-ordered), with ids before
     * {@code beforeId}; only those with one of {@code statuses} when it is not empty.
     */
    List<ClientRequest> list(TenantId tenantId, WorkspaceId workspaceId, Set<RequestStatus> statuses,
                             Optional<RequestId> beforeId, int limit);

    /**
     * The team inbox in one call: up to {@code limit} requests of any of {@code workspaceIds} (all of the tenant)
     * that pass {@code filter}, newest first (by id), with ids before {@code beforeId}.
     */
    List<ClientRequest> inbox(TenantId tenantId, Set<WorkspaceId> workspaceIds, InboxFilter filter,
                              Optional<RequestId> beforeId, int limit);

    /** The statuses of an open request: not resolved (neither DONE nor DECLINED). */
    Set<RequestStatus> OPEN_STATUSES = java.util.Collections.unmodifiableSet(
            EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_CLIENT));

    /**
     * The workspace's open requests for the operator dashboard, in one aggregate call: how many requests have one of
     * {@link #OPEN_STATUSES} (SUBMITTED, IN_PROGRESS, WAITING_ON_CLIENT) and the earliest
     * {@link ClientRequest#submittedAt()} among them. Stores should override it with one statement, e.g. {@code
     * select count(*), min(submitted_at) from ... where tenant_id = ? and workspace_id = ? and status in (...)}. The
     * default pages through {@link #list}.
     */
    default OpenItems openSummary(TenantId tenantId, WorkspaceId workspaceId) {
        int count = 0;
        Instant oldest = null;
        Optional<RequestId> before = Optional.empty();
        while (true) {
            List<ClientRequest> batch = list(tenantId, workspaceId, OPEN_STATUSES, before, 500);
            for (ClientRequest r : batch) {
                count++;
                if (oldest == null || r.submittedAt().isBefore(oldest)) {
                    oldest = r.submittedAt();
                }
            }
            if (batch.size() < 500) {
                return new OpenItems(count, Optional.ofNullable(oldest));
            }
            before = Optional.of(batch.get(batch.size() - 1).id());
        }
    }
}
