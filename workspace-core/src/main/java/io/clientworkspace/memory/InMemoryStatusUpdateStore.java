package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.spi.StatusUpdateStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link StatusUpdateStore} in memory. */
final class InMemoryStatusUpdateStore implements StatusUpdateStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id) {
    }

    private record AckKey(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id, UserId user) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StatusUpdate> updates = new HashMap<>();
    private final Map<AckKey, Acknowledgement> acks = new HashMap<>();

    InMemoryStatusUpdateStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public StatusUpdate insert(StatusUpdate update) {
        requireNonNull(update, "update must not be null");
        return tx.write(() -> {
            Key key = new Key(update.tenantId(), update.workspaceId(), update.id());
            if (updates.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Status update '" + update.id() + "' already exists");
            }
            StatusUpdate stored = update.withVersion(0);
            updates.put(key, stored);
            return new Undoable<>(stored, () -> updates.remove(key));
        });
    }

    @Override
    public Optional<StatusUpdate> find(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(updates.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<StatusUpdate> list(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId,
                                   boolean includeInternal, Optional<StatusUpdateId> beforeId, int limit) {
        requireNonNull(projectId, "projectId must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx.read(() -> updates.values().stream()
                .filter(u -> u.tenantId().equals(tenantId) && u.workspaceId().equals(workspaceId))
                .filter(u -> u.projectId().equals(projectId))
                .filter(u -> includeInternal || u.visibility() == Visibility.CLIENT)
                .filter(u -> beforeId.isEmpty() || u.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(StatusUpdate::id).reversed())
                .limit(limit).toList());
    }

    @Override
    public boolean acknowledge(TenantId tenantId, WorkspaceId workspaceId, Acknowledgement acknowledgement) {
        requireNonNull(acknowledgement, "acknowledgement must not be null");
        return tx.write(() -> {
            AckKey key = new AckKey(tenantId, workspaceId, acknowledgement.statusUpdateId(), acknowledgement.user());
            if (acks.containsKey(key)) {
                return new Undoable<>(false, () -> { });
            }
            acks.put(key, acknowledgement);
            return new Undoable<>(true, () -> acks.remove(key));
        });
    }

    @Override
    public Optional<Acknowledgement> findAcknowledgement(TenantId tenantId, WorkspaceId workspaceId,
                                                         StatusUpdateId id, UserId user) {
        requireNonNull(id, "id must not be null");
        requireNonNull(user, "user must not be null");
        return tx.read(() -> Optional.ofNullable(acks.get(new AckKey(tenantId, workspaceId, id, user))));
    }

    @Override
    public List<Acknowledgement> acknowledgements(TenantId tenantId, WorkspaceId workspaceId, StatusUpdateId id,
                                                  int limit) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> acks.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId) && e.getKey().workspaceId().equals(workspaceId)
                        && e.getKey().id().equals(id))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Acknowledgement::at).thenComparing(a -> a.user().value()))
                .limit(limit).toList());
    }
}
