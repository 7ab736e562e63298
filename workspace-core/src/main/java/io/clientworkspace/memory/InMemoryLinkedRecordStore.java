package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.LinkedRecordId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.spi.LinkedRecordStore;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link LinkedRecordStore} in memory. */
final class InMemoryLinkedRecordStore implements LinkedRecordStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId) {
    }

    private record IdKey(TenantId tenantId, WorkspaceId workspaceId, LinkedRecordId id) {
    }

    private static final Comparator<LinkedRecord> ORDER = Comparator.comparing((LinkedRecord r) -> r.type().name())
            .thenComparing(LinkedRecord::hostId);

    private final InMemoryTransactions tx;
    private final Map<Key, LinkedRecord> records = new HashMap<>();
    private final Map<IdKey, Key> ids = new HashMap<>();

    InMemoryLinkedRecordStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    private static Key key(LinkedRecord r) {
        return new Key(r.tenantId(), r.workspaceId(), r.type(), r.hostId());
    }

    private static LinkedRecord stored(LinkedRecord r, LinkedRecordId id, java.time.Instant createdAt, long version) {
        return new LinkedRecord(id, r.tenantId(), r.workspaceId(), r.type(), r.hostId(), r.title(), r.status(),
                r.amount(), r.issuedOn(), r.dueOn(), r.startsAt(), r.endsAt(), r.url(), r.visibility(), createdAt,
                r.updatedAt(), version);
    }

    @Override
    public LinkedRecord insert(LinkedRecord record) {
        requireNonNull(record, "record must not be null");
        return tx.write(() -> {
            Key key = key(record);
            IdKey idKey = new IdKey(record.tenantId(), record.workspaceId(), record.id());
            if (records.containsKey(key) || ids.containsKey(idKey)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Linked record "
                        + record.type() + "/" + record.hostId() + " already exists in workspace '"
                        + record.workspaceId() + "'");
            }
            LinkedRecord stored = stored(record, record.id(), record.createdAt(), 0);
            records.put(key, stored);
            ids.put(idKey, key);
            return new Undoable<>(stored, () -> {
                records.remove(key);
                ids.remove(idKey);
            });
        });
    }

    @Override
    public LinkedRecord update(LinkedRecord record) {
        requireNonNull(record, "record must not be null");
        return tx.write(() -> {
            Key key = key(record);
            LinkedRecord current = records.get(key);
            if (current == null || current.version() != record.version()) {
                throw ConflictException.staleVersion("linked record", record.type() + "/" + record.hostId(),
                        record.version());
            }
            LinkedRecord stored = stored(record, current.id(), current.createdAt(), current.version() + 1);
            records.put(key, stored);
            return new Undoable<>(stored, () -> records.put(key, current));
        });
    }

    @Override
    public Optional<LinkedRecord> find(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        return tx.read(() -> Optional.ofNullable(records.get(new Key(tenantId, workspaceId, type, hostId))));
    }

    @Override
    public List<LinkedRecord> list(TenantId tenantId, WorkspaceId workspaceId, Optional<RecordType> type,
                                   boolean includeInternal, boolean includeInvoices, Optional<Position> after,
                                   int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(after, "after must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.read(() -> records.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId))
                .filter(r -> type.map(t -> r.type() == t).orElse(true))
                .filter(r -> includeInternal || r.visibility() == Visibility.CLIENT)
                .filter(r -> includeInvoices || r.type() != RecordType.INVOICE)
                .filter(r -> after.map(p -> isAfter(r, p)).orElse(true))
                .sorted(ORDER)
                .limit(limit)
                .toList());
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId,
                       long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, type, hostId);
            LinkedRecord current = records.get(key);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("linked record", type + "/" + hostId, expectedVersion);
            }
            IdKey idKey = new IdKey(tenantId, workspaceId, current.id());
            records.remove(key);
            ids.remove(idKey);
            return new Undoable<Void>(null, () -> {
                records.put(key, current);
                ids.put(idKey, key);
            });
        });
    }

    @Override
    public RecordAlerts alertCounts(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(today, "today must not be null");
        return tx.read(() -> {
            int overdue = 0;
            int open = 0;
            for (LinkedRecord r : records.values()) {
                if (r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId)) {
                    overdue += r.overdue(today) ? 1 : 0;
                    open += r.open() ? 1 : 0;
                }
            }
            return new RecordAlerts(overdue, open);
        });
    }

    private static boolean isAfter(LinkedRecord r, Position p) {
        int byType = r.type().name().compareTo(p.type().name());
        return byType > 0 || (byType == 0 && r.hostId().compareTo(p.hostId()) > 0);
    }
}
