package io.clientworkspace.dashboard;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.internal.Projection;
import io.clientworkspace.spi.DashboardStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the dashboard's summaries inside each operation's unit of work: for every workspace the operation's events
 * touched (in workspace-id order, so that concurrent operations lock rows in one order), locks its row, recomputes the
 * parts the events can change ({@link SummaryPart#affectedBy}) from the source stores, and writes the row if anything
 * changed. A workspace without a row (created before the dashboard existed, or just now) gets a complete one.
 */
final class DashboardProjection implements Projection {

    private record Key(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::workspaceId)
            .thenComparing(k -> k.tenantId().value());

    private final DashboardStore store;
    private final SummarySource source;

    DashboardProjection(DashboardStore store, SummarySource source) {
        this.store = requireNonNull(store, "store must not be null");
        this.source = requireNonNull(source, "source must not be null");
    }

    @Override
    public void project(List<DomainEvent> events, Instant now) {
        Map<Key, Set<SummaryPart>> touched = new TreeMap<>(ORDER);
        for (DomainEvent event : events) {
            Optional<WorkspaceId> workspace = event.workspaceId();
            if (workspace.isEmpty()) {
                continue;
            }
            Set<SummaryPart> parts = SummaryPart.affectedBy(event);
            if (!parts.isEmpty()) {
                touched.computeIfAbsent(new Key(event.tenantId(), workspace.get()),
                        k -> EnumSet.noneOf(SummaryPart.class)).addAll(parts);
            }
        }
        touched.forEach((key, parts) -> refresh(key.tenantId(), key.workspaceId(), parts, now));
    }

    /**
     * Brings one row up to date under its lock: {@code parts} recomputed, or everything when the row is missing.
     *
     * @return whether the row was written
     */
    boolean refresh(TenantId tenantId, WorkspaceId workspaceId, Set<SummaryPart> parts, Instant now) {
        Optional<WorkspaceSummary> locked = store.findForUpdate(tenantId, workspaceId);
        Set<SummaryPart> toCompute = parts;
        if (locked.isEmpty()) {
            Optional<WorkspaceSummary> complete = source.compute(tenantId, workspaceId, now);
            if (complete.isEmpty()) {
                return false; // no such workspace
            }
            if (store.insertIfAbsent(complete.get().withUpdatedAt(now))) {
                return true;
            }
            // inserted concurrently: lock it and recompute everything over it
            locked = store.findForUpdate(tenantId, workspaceId);
            if (locked.isEmpty()) {
                return false;
            }
            toCompute = SummaryPart.all();
        }
        WorkspaceSummary current = locked.get();
        Optional<WorkspaceSummary> updated = source.recompute(current, toCompute, now);
        if (updated.isEmpty() || updated.get().equals(current)) {
            return false;
        }
        store.replace(updated.get().withUpdatedAt(now));
        return true;
    }
}
