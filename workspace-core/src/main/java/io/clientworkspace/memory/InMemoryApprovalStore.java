package io.clientworkspace.memory;

import io.clientworkspace.dashboard.OpenItems;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.ApprovalStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ApprovalStore} in memory. */
final class InMemoryApprovalStore implements ApprovalStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, ApprovalRequest> requests = new HashMap<>();
    private final Map<Key, List<Decision>> decisions = new HashMap<>();

    public InMemoryApprovalStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public ApprovalRequest insert(ApprovalRequest request) {
        requireNonNull(request, "request must not be null");
        return tx.write(() -> {
            Key key = key(request);
            if (requests.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Approval '" + request.id() + "' already exists");
            }
            ApprovalRequest stored = withVersion(request, 0);
            requests.put(key, stored);
            decisions.put(key, new ArrayList<>());
            return new Undoable<>(stored, () -> {
                requests.remove(key);
                decisions.remove(key);
            });
        });
    }

    @Override
    public ApprovalRequest update(ApprovalRequest request) {
        requireNonNull(request, "request must not be null");
        return tx.write(() -> {
            Key key = key(request);
            ApprovalRequest current = requests.get(key);
            if (current == null || current.version() != request.version()) {
                throw ConflictException.staleVersion("approval", request.id().value(), request.version());
            }
            ApprovalRequest stored = withVersion(request, current.version() + 1);
            requests.put(key, stored);
            return new Undoable<>(stored, () -> requests.put(key, current));
        });
    }

    @Override
    public Optional<ApprovalRequest> find(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        return tx.read(() -> Optional.ofNullable(requests.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<ApprovalRequest> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ApprovalStatus> status,
                                      Optional<ApprovalId> beforeId, int limit) {
        return tx.read(() -> requests.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                .filter(r -> status.isEmpty() || r.status() == status.get())
                .filter(r -> beforeId.isEmpty() || r.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(ApprovalRequest::id).reversed())
                .limit(limit).toList());
    }

    @Override
    public List<ApprovalRequest> listForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int limit) {
        return tx.read(() -> requests.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                .filter(r -> r.subject() instanceof ApprovalSubject.FileVersionSubject s && s.fileId().equals(fileId))
                .sorted(Comparator.comparing(ApprovalRequest::id).reversed())
                .limit(limit).toList());
    }

    @Override
    public List<ApprovalRequest> listOverdue(Instant now, int limit) {
        return tx.read(() -> requests.values().stream()
                .filter(r -> r.status() == ApprovalStatus.OPEN && r.dueAt().isPresent() && r.dueAt().get().isBefore(now))
                .sorted(Comparator.comparing(ApprovalRequest::id))
                .limit(limit).toList());
    }

    @Override
    public void appendDecision(Decision decision) {
        requireNonNull(decision, "decision must not be null");
        tx.write(() -> {
            Key key = new Key(decision.tenantId(), decision.workspaceId(), decision.requestId());
            List<Decision> record = decisions.get(key);
            if (record == null || decision.sequence() != record.size() + 1) {
                throw ConflictException.staleVersion("decision", decision.requestId().value(), decision.sequence());
            }
            record.add(decision);
            return new Undoable<>(null, () -> record.remove(record.size() - 1));
        });
    }

    @Override
    public List<Decision> decisions(TenantId tenantId, WorkspaceId workspaceId, ApprovalId requestId) {
        return tx.read(() -> List.copyOf(decisions.getOrDefault(new Key(tenantId, workspaceId, requestId), List.of())));
    }

    private static Key key(ApprovalRequest r) {
        return new Key(r.tenantId(), r.workspaceId(), r.id());
    }

    private static ApprovalRequest withVersion(ApprovalRequest r, long version) {
        return new ApprovalRequest(r.id(), r.tenantId(), r.workspaceId(), r.title(), r.message(), r.subject(),
                r.approvers(), r.policy(), r.dueAt(), r.status(), r.requestedBy(), r.requestedAt(), r.resolvedAt(), version);
    }

    @Override
    public OpenItems pendingSummary(TenantId tenantId, WorkspaceId workspaceId) {
        return tx.read(() -> {
            List<ApprovalRequest> open = requests.values().stream()
                    .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                    .filter(r -> r.status() == ApprovalStatus.OPEN).toList();
            return new OpenItems(open.size(), open.stream().map(ApprovalRequest::requestedAt).min(Instant::compareTo));
        });
    }
}
