package io.clientworkspace.spi;

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

    /**
     * Up to {@code limit} open (not resolved, see {@link RequestStatus#isResolved()}) requests of the tenant, in any
     * workspace, assigned to {@code assignee}, ordered by workspace id and then request id (in the store's own
     * collation), starting after {@code after} (its workspace id and id) when given. Handoffs page through it.
     *
     * <p>Optional capability: the default throws {@link UnsupportedOperationException}, which makes handoffs fail
     * with it for a store written before it existed; every store shipped with the kit implements it.
     */
    default List<ClientRequest> listOpenAssignedTo(TenantId tenantId, io.clientworkspace.UserId assignee,
                                                   Optional<ClientRequest> after, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement"
                + " RequestStore.listOpenAssignedTo, which handoffs need");
    }
}
