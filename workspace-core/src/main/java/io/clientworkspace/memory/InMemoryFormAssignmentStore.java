package io.clientworkspace.memory;

import io.clientworkspace.AssignmentId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.spi.FormAssignmentStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link FormAssignmentStore} in memory. */
final class InMemoryFormAssignmentStore implements FormAssignmentStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, AssignmentId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, FormAssignment> assignments = new HashMap<>();

    InMemoryFormAssignmentStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public FormAssignment insert(FormAssignment assignment) {
        requireNonNull(assignment, "assignment must not be null");
        return tx.write(() -> {
            Key key = key(assignment);
            if (assignments.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Form assignment '" + assignment.id() + "' already exists");
            }
            FormAssignment stored = assignment.withVersion(0);
            assignments.put(key, stored);
            return new Undoable<>(stored, () -> assignments.remove(key));
        });
    }

    @Override
    public FormAssignment update(FormAssignment assignment) {
        requireNonNull(assignment, "assignment must not be null");
        return tx.write(() -> {
            Key key = key(assignment);
            FormAssignment current = assignments.get(key);
            if (current == null || current.version() != assignment.version()) {
                throw ConflictException.staleVersion("form assignment", assignment.id().value(), assignment.version());
            }
            FormAssignment stored = assignment.withVersion(current.version() + 1);
            assignments.put(key, stored);
            return new Undoable<>(stored, () -> assignments.put(key, current));
        });
    }

    @Override
    public Optional<FormAssignment> find(TenantId tenantId, WorkspaceId workspaceId, AssignmentId id) {
        return tx.read(() -> Optional.ofNullable(assignments.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<FormAssignment> list(TenantId tenantId, WorkspaceId workspaceId, Optional<AssignmentStatus> status,
                                     Optional<AssignmentId> beforeId, int limit) {
        return tx.read(() -> assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.workspaceId().equals(workspaceId))
                .filter(a -> status.isEmpty() || a.status() == status.get())
                .filter(a -> beforeId.isEmpty() || a.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(FormAssignment::id).reversed())
                .limit(limit).toList());
    }

    private static Key key(FormAssignment a) {
        return new Key(a.tenantId(), a.workspaceId(), a.id());
    }
}
