package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.SummaryFilter;
import io.clientworkspace.dashboard.SummaryPosition;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.DashboardStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@link DashboardStore} in memory. Units of work of the in-memory stores are serialized, so
 * {@link #findForUpdate} needs no lock of its own; {@link #page} filters and sorts every row of the tenant (fine for
 * development and tests, which is what these stores are for).
 */
final class InMemoryDashboardStore implements DashboardStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryMembershipStore memberships;
    private final Map<Key, WorkspaceSummary> rows = new HashMap<>();

    InMemoryDashboardStore(InMemoryTransactions tx, InMemoryMembershipStore memberships) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.memberships = requireNonNull(memberships, "memberships must not be null");
    }

    @Override
    public Optional<WorkspaceSummary> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> Optional.ofNullable(rows.get(new Key(tenantId, workspaceId))));
    }

    @Override
    public Optional<WorkspaceSummary> findForUpdate(TenantId tenantId, WorkspaceId workspaceId) {
        return find(tenantId, workspaceId);
    }

    @Override
    public boolean insertIfAbsent(WorkspaceSummary summary) {
        requireNonNull(summary, "summary must not be null");
        return Boolean.TRUE.equals(tx.write(() -> {
            Key key = new Key(summary.tenantId(), summary.workspaceId());
            if (rows.containsKey(key)) {
                return new Undoable<>(Boolean.FALSE, () -> { });
            }
            rows.put(key, summary);
            return new Undoable<>(Boolean.TRUE, () -> rows.remove(key));
        }));
    }

    @Override
    public void replace(WorkspaceSummary summary) {
        requireNonNull(summary, "summary must not be null");
        tx.write(() -> {
            Key key = new Key(summary.tenantId(), summary.workspaceId());
            WorkspaceSummary current = rows.get(key);
            if (current == null) {
                throw ConflictException.staleVersion("workspace summary", summary.workspaceId().value(), 0);
            }
            rows.put(key, summary);
            return new Undoable<Void>(null, () -> rows.put(key, current));
        });
    }

    @Override
    public List<WorkspaceSummary> page(TenantId tenantId, SummaryFilter filter, DashboardSort sort,
                                       SortDirection direction, Optional<SummaryPosition> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(filter, "filter must not be null");
        requireNonNull(sort, "sort must not be null");
        requireNonNull(direction, "direction must not be null");
        requireNonNull(after, "after must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Comparator<SummaryPosition> order = SummaryPosition.order(sort, direction);
        return tx.read(() -> {
            Optional<Set<WorkspaceId>> served = filter.servedBy()
                    .map(s -> memberships.workspacesOf(tenantId, s.userId(), s.roles()));
            return rows.values().stream()
                    .filter(r -> r.tenantId().equals(tenantId))
                    .filter(r -> served.isEmpty() || served.get().contains(r.workspaceId()))
                    .filter(filter::matches)
                    .map(r -> Map.entry(SummaryPosition.of(r, sort), r))
                    .filter(e -> after.isEmpty() || order.compare(e.getKey(), after.get()) > 0)
                    .sorted(Map.Entry.comparingByKey(order))
                    .limit(limit)
                    .map(Map.Entry::getValue)
                    .toList();
        });
    }

    @Override
    public long count(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx.read(() -> rows.keySet().stream().filter(k -> k.tenantId().equals(tenantId)).count());
    }
}
