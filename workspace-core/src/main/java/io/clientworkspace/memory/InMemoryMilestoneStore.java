package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.WorkspaceStore;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link MilestoneStore} in memory. */
final class InMemoryMilestoneStore implements MilestoneStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id) {
    }

    private record Row(Milestone milestone, Optional<LocalDate> overdueMark) {
    }

    /** By due date (undated last), then id. */
    private static final Comparator<Milestone> DUE_ORDER = Comparator
            .comparing((Milestone m) -> m.dueDate().orElse(LocalDate.MAX)).thenComparing(Milestone::id);

    private final InMemoryTransactions tx;
    private final InMemoryProjectStore projects;
    private final WorkspaceStore workspaces;
    private final Map<Key, Row> rows = new HashMap<>();

    InMemoryMilestoneStore(InMemoryTransactions tx, InMemoryProjectStore projects, WorkspaceStore workspaces) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.projects = requireNonNull(projects, "projects must not be null");
        this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
    }

    @Override
    public Milestone insert(Milestone milestone) {
        requireNonNull(milestone, "milestone must not be null");
        return tx.write(() -> {
            Key key = key(milestone);
            if (rows.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Milestone '" + milestone.id() + "' already exists");
            }
            Milestone stored = milestone.withVersion(0);
            rows.put(key, new Row(stored, Optional.empty()));
            return new Undoable<>(stored, () -> rows.remove(key));
        });
    }

    @Override
    public Milestone update(Milestone milestone) {
        requireNonNull(milestone, "milestone must not be null");
        return tx.write(() -> {
            Key key = key(milestone);
            Row current = rows.get(key);
            if (current == null || current.milestone().version() != milestone.version()) {
                throw ConflictException.staleVersion("milestone", milestone.id().value(), milestone.version());
            }
            if (!current.milestone().projectId().equals(milestone.projectId())) {
                throw new IllegalArgumentException("a milestone never changes projects");
            }
            Milestone stored = milestone.withVersion(current.milestone().version() + 1);
            rows.put(key, new Row(stored, current.overdueMark()));
            return new Undoable<>(stored, () -> rows.put(key, current));
        });
    }

    @Override
    public Optional<Milestone> find(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(rows.get(new Key(tenantId, workspaceId, id))).map(Row::milestone));
    }

    @Override
    public List<Milestone> listForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId, int limit) {
        requireNonNull(projectId, "projectId must not be null");
        return tx.read(() -> rows.values().stream().map(Row::milestone)
                .filter(m -> m.tenantId().equals(tenantId) && m.workspaceId().equals(workspaceId))
                .filter(m -> m.projectId().equals(projectId))
                .sorted(DUE_ORDER).limit(limit).toList());
    }

    @Override
    public long countForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId) {
        requireNonNull(projectId, "projectId must not be null");
        return tx.read(() -> rows.values().stream().map(Row::milestone)
                .filter(m -> m.tenantId().equals(tenantId) && m.workspaceId().equals(workspaceId))
                .filter(m -> m.projectId().equals(projectId))
                .count());
    }

    @Override
    public List<Milestone> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                      boolean includeInternal, int limit) {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx.read(() -> rows.values().stream().map(Row::milestone)
                .filter(m -> m.tenantId().equals(tenantId) && m.workspaceId().equals(workspaceId))
                .filter(m -> m.dueDate().filter(d -> !d.isBefore(from) && !d.isAfter(to)).isPresent())
                .filter(m -> includeInternal || projects.visibility(tenantId, workspaceId, m.projectId())
                        .filter(v -> v == Visibility.CLIENT).isPresent())
                .sorted(DUE_ORDER).limit(limit).toList());
    }

    @Override
    public List<Milestone> overdueCandidates(LocalDate today, int limit) {
        requireNonNull(today, "today must not be null");
        return tx.read(() -> rows.values().stream()
                .filter(r -> !r.milestone().isDelivered())
                .filter(r -> r.milestone().dueDate().filter(d -> d.isBefore(today)).isPresent())
                .filter(r -> !r.overdueMark().equals(r.milestone().dueDate()))
                .map(Row::milestone)
                .sorted(DUE_ORDER).limit(limit).toList());
    }

    @Override
    public boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id, LocalDate dueDate) {
        requireNonNull(id, "id must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            Row current = rows.get(key);
            if (current == null || current.milestone().isDelivered()
                    || !current.milestone().dueDate().equals(Optional.of(dueDate))
                    || current.overdueMark().equals(Optional.of(dueDate))) {
                return new Undoable<>(false, () -> { });
            }
            rows.put(key, new Row(current.milestone(), Optional.of(dueDate)));
            return new Undoable<>(true, () -> rows.put(key, current));
        });
    }

    private static Key key(Milestone m) {
        return new Key(m.tenantId(), m.workspaceId(), m.id());
    }

    @Override
    public int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        return tx.read(() -> (int) rows.values().stream().map(Row::milestone)
                .filter(m -> m.tenantId().equals(tenantId) && m.workspaceId().equals(workspaceId))
                .filter(m -> m.delivered().isEmpty() && m.dueDate().filter(d -> d.isBefore(today)).isPresent())
                .count());
    }
}
