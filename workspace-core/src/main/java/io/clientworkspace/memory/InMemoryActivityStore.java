package io.clientworkspace.memory;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ActivityId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.ActivityStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link ActivityStore} in memory. */
public final class InMemoryActivityStore implements ActivityStore {

    private record LogKey(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private static final TreeMap<Long, ActivityEntry> EMPTY = new TreeMap<>();
    private static final Comparator<ActivityEntry> HEAD_ORDER = Comparator.comparing(ActivityEntry::tenantId)
            .thenComparing(e -> e.workspaceId().value());

    private final InMemoryTransactions tx;
    private final Map<LogKey, TreeMap<Long, ActivityEntry>> logs = new HashMap<>();

    public InMemoryActivityStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public void append(ActivityEntry entry) {
        requireNonNull(entry, "entry must not be null");
        tx.write(() -> {
            TreeMap<Long, ActivityEntry> log = logs.computeIfAbsent(new LogKey(entry.tenantId(), entry.workspaceId()),
                    k -> new TreeMap<>());
            long expected = log.isEmpty() ? 1 : log.lastKey() + 1;
            if (entry.sequence() != expected) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Activity entry " + entry.sequence()
                        + " of workspace '" + entry.workspaceId() + "' does not follow the log's head (" + (expected - 1) + ")");
            }
            log.put(entry.sequence(), entry);
            return new Undoable<>(null, () -> log.remove(entry.sequence()));
        });
    }

    @Override
    public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> {
            TreeMap<Long, ActivityEntry> log = view(tenantId, workspaceId);
            return log.isEmpty() ? Optional.empty() : Optional.of(log.lastEntry().getValue());
        });
    }

    @Override
    public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                               OptionalLong beforeSequence, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(visibilities, "visibilities must not be null");
        requireNonNull(beforeSequence, "beforeSequence must not be null");
        return tx.read(() -> {
            TreeMap<Long, ActivityEntry> log = view(tenantId, workspaceId);
            NavigableMap<Long, ActivityEntry> slice = beforeSequence.isPresent()
                    ? log.headMap(beforeSequence.getAsLong(), false) : log;
            return slice.descendingMap().values().stream()
                    .filter(e -> visibilities.contains(e.visibility())).limit(limit).toList();
        });
    }

    @Override
    public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> view(tenantId, workspaceId).tailMap(afterSequence, false).values().stream()
                .limit(limit).toList());
    }

    @Override
    public List<ActivityEntry> latestEntriesSince(Instant since, Optional<ActivityEntry> after, int limit) {
        requireNonNull(since, "since must not be null");
        requireNonNull(after, "after must not be null");
        return tx.read(() -> logs.values().stream()
                .filter(log -> !log.isEmpty())
                .map(log -> log.lastEntry().getValue())
                .filter(head -> !head.occurredAt().isBefore(since))
                .filter(head -> after.isEmpty() || HEAD_ORDER.compare(head, after.get()) > 0)
                .sorted(HEAD_ORDER)
                .limit(limit)
                .toList());
    }

    @Override
    public Optional<ActivityEntry> find(TenantId tenantId, WorkspaceId workspaceId, ActivityId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx.read(() -> view(tenantId, workspaceId).values().stream().filter(e -> e.id().equals(id)).findFirst());
    }

    private TreeMap<Long, ActivityEntry> view(TenantId tenantId, WorkspaceId workspaceId) {
        return logs.getOrDefault(new LogKey(tenantId, workspaceId), EMPTY);
    }

    @Override
    public Optional<Instant> latestByActorKind(TenantId tenantId, WorkspaceId workspaceId, ActorKind actorKind) {
        return tx.read(() -> logs.getOrDefault(new LogKey(tenantId, workspaceId), EMPTY).values().stream()
                .filter(e -> e.actorKind() == actorKind)
                .map(ActivityEntry::occurredAt)
                .max(Instant::compareTo));
    }
}
