package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.ScheduledEventStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ScheduledEventStore} in memory. */
final class InMemoryScheduledEventStore implements ScheduledEventStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
    }

    private static final Comparator<ScheduledEvent> ORDER = Comparator.comparing(ScheduledEvent::start)
            .thenComparing(e -> e.id().value());

    private final InMemoryTransactions tx;
    private final Map<Key, ScheduledEvent> events = new HashMap<>();

    InMemoryScheduledEventStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    private static Key key(ScheduledEvent e) {
        return new Key(e.tenantId(), e.workspaceId(), e.id());
    }

    private static ScheduledEvent withVersion(ScheduledEvent e, long version) {
        return new ScheduledEvent(e.id(), e.tenantId(), e.workspaceId(), e.kind(), e.title(), e.description(),
                e.location(), e.start(), e.end(), e.visibility(), e.cancelled(), e.createdBy(), e.createdAt(),
                e.updatedAt(), version);
    }

    @Override
    public ScheduledEvent insert(ScheduledEvent event) {
        requireNonNull(event, "event must not be null");
        return tx.write(() -> {
            Key key = key(event);
            if (events.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Scheduled event '" + event.id() + "' already exists");
            }
            ScheduledEvent stored = withVersion(event, 0);
            events.put(key, stored);
            return new Undoable<>(stored, () -> events.remove(key));
        });
    }

    @Override
    public ScheduledEvent update(ScheduledEvent event) {
        requireNonNull(event, "event must not be null");
        return tx.write(() -> {
            Key key = key(event);
            ScheduledEvent current = events.get(key);
            if (current == null || current.version() != event.version()) {
                throw ConflictException.staleVersion("scheduled event", event.id().value(), event.version());
            }
            ScheduledEvent stored = withVersion(event, current.version() + 1);
            events.put(key, stored);
            return new Undoable<>(stored, () -> events.put(key, current));
        });
    }

    @Override
    public Optional<ScheduledEvent> find(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(events.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<ScheduledEvent> list(TenantId tenantId, WorkspaceId workspaceId, Instant from, Instant to,
                                     boolean includeInternal, Optional<Position> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        requireNonNull(after, "after must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.read(() -> events.values().stream()
                .filter(e -> e.tenantId().equals(tenantId) && e.workspaceId().equals(workspaceId))
                .filter(e -> includeInternal || e.visibility() == Visibility.CLIENT)
                .filter(e -> e.overlaps(from, to))
                .filter(e -> after.map(p -> isAfter(e, p)).orElse(true))
                .sorted(ORDER)
                .limit(limit)
                .toList());
    }

    private static boolean isAfter(ScheduledEvent e, Position p) {
        int byStart = e.start().compareTo(p.start());
        return byStart > 0 || (byStart == 0 && e.id().value().compareTo(p.id().value()) > 0);
    }
}
