package io.clientworkspace.memory;

import java.time.Instant;
import io.clientworkspace.dashboard.OpenItems;
import io.clientworkspace.ConflictException;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.RequestStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@link RequestStore} in memory. */
final class InMemoryRequestStore implements RequestStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, RequestId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, ClientRequest> requests = new HashMap<>();

    InMemoryRequestStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public ClientRequest insert(ClientRequest request) {
        requireNonNull(request, "request must not be null");
        return tx.write(() -> {
            Key key = key(request);
            if (requests.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Request '" + request.id() + "' already exists");
            }
            ClientRequest stored = request.withVersion(0);
            requests.put(key, stored);
            return new Undoable<>(stored, () -> requests.remove(key));
        });
    }

    @Override
    public ClientRequest update(ClientRequest request) {
        requireNonNull(request, "request must not be null");
        return tx.write(() -> {
            Key key = key(request);
            ClientRequest current = requests.get(key);
            if (current == null || current.version() != request.version()) {
                throw ConflictException.staleVersion("request", request.id().value(), request.version());
            }
            ClientRequest stored = request.withVersion(current.version() + 1);
            requests.put(key, stored);
            return new Undoable<>(stored, () -> requests.put(key, current));
        });
    }

    @Override
    public Optional<ClientRequest> find(TenantId tenantId, WorkspaceId workspaceId, RequestId id) {
        return tx.read(() -> Optional.ofNullable(requests.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<ClientRequest> list(TenantId tenantId, WorkspaceId workspaceId, Set<RequestStatus> statuses,
                                    Optional<RequestId> beforeId, int limit) {
        return tx.read(() -> requests.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                .filter(r -> statuses.isEmpty() || statuses.contains(r.status()))
                .filter(r -> beforeId.isEmpty() || r.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(ClientRequest::id).reversed())
                .limit(limit).toList());
    }

    @Override
    public List<ClientRequest> inbox(TenantId tenantId, Set<WorkspaceId> workspaceIds, InboxFilter filter,
                                     Optional<RequestId> beforeId, int limit) {
        return tx.read(() -> requests.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && workspaceIds.contains(r.workspaceId()))
                .filter(filter::test)
                .filter(r -> beforeId.isEmpty() || r.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(ClientRequest::id).reversed())
                .limit(limit).toList());
    }

    private static Key key(ClientRequest r) {
        return new Key(r.tenantId(), r.workspaceId(), r.id());
    }

    @Override
    public OpenItems openSummary(TenantId tenantId, WorkspaceId workspaceId) {
        return tx.read(() -> {
            List<ClientRequest> open = requests.values().stream()
                    .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                    .filter(r -> OPEN_STATUSES.contains(r.status())).toList();
            return new OpenItems(open.size(), open.stream().map(ClientRequest::submittedAt).min(Instant::compareTo));
        });
    }
}
