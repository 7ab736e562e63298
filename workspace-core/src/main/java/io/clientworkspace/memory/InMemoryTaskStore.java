package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Task;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.workspace.Workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * {@link TaskStore} in memory. Ranks are kept per list in a sorted map (rank to task id), spaced {@link #GAP} apart
 * when appended or renumbered; a move takes the middle between its new neighbours and renumbers the list when they
 * are adjacent.
 */
final class InMemoryTaskStore implements TaskStore {

    /** The distance between ranks of appended and renumbered tasks. */
    static final long GAP = 1L << 20;

    private record Key(TenantId tenantId, WorkspaceId workspaceId, TaskId id) {
    }

    private record ListKey(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId) {
    }

    /** A stored task with what the store keeps beside it. */
    private record Row(Task task, long rank, Optional<LocalDate> overdueMark) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryTaskListStore lists;
    private final WorkspaceStore workspaces;
    private final Map<Key, Row> rows = new HashMap<>();
    private final Map<ListKey, TreeMap<Long, TaskId>> order = new HashMap<>();

    InMemoryTaskStore(InMemoryTransactions tx, InMemoryTaskListStore lists, WorkspaceStore workspaces) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.lists = requireNonNull(lists, "lists must not be null");
        this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
    }

    @Override
    public Task insert(Task task) {
        requireNonNull(task, "task must not be null");
        return tx.write(() -> {
            Key key = key(task);
            if (rows.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Task '" + task.id() + "' already exists");
            }
            TreeMap<Long, TaskId> ranks = order.computeIfAbsent(listKey(task), k -> new TreeMap<>());
            long rank = ranks.isEmpty() ? GAP : ranks.lastKey() + GAP;
            Task stored = task.withVersion(0);
            rows.put(key, new Row(stored, rank, Optional.empty()));
            ranks.put(rank, task.id());
            return new Undoable<>(stored, () -> {
                rows.remove(key);
                ranks.remove(rank);
            });
        });
    }

    @Override
    public Task update(Task task) {
        requireNonNull(task, "task must not be null");
        return tx.write(() -> {
            Key key = key(task);
            Row current = current(task);
            Task stored = task.withVersion(current.task().version() + 1);
            rows.put(key, new Row(stored, current.rank(), current.overdueMark()));
            return new Undoable<>(stored, () -> rows.put(key, current));
        });
    }

    @Override
    public Task move(Task task, Optional<TaskId> after) {
        requireNonNull(task, "task must not be null");
        requireNonNull(after, "after must not be null");
        return tx.write(() -> {
            Key key = key(task);
            Row current = current(task);
            ListKey listKey = listKey(task);
            TreeMap<Long, TaskId> ranks = order.get(listKey);
            if (ranks == null) {
                throw new IllegalStateException("task '" + task.id() + "' has no place in its list");
            }
            Optional<Long> afterRank = Optional.empty();
            if (after.isPresent()) {
                if (after.get().equals(task.id())) {
                    throw new IllegalArgumentException("a task cannot move after itself");
                }
                Row anchor = rows.get(new Key(task.tenantId(), task.workspaceId(), after.get()));
                if (anchor == null || !anchor.task().listId().equals(task.listId())) {
                    throw new IllegalArgumentException("'" + after.get() + "' is not a task of the list");
                }
                afterRank = Optional.of(anchor.rank());
            }
            Map<TaskId, Long> before = snapshot(listKey, ranks);
            ranks.remove(current.rank());
            Long next = afterRank.isEmpty() ? (ranks.isEmpty() ? null : ranks.firstKey())
                    : ranks.higherKey(afterRank.get());
            long rank;
            if (afterRank.isEmpty()) {
                rank = next == null ? GAP : next - GAP;
            } else if (next == null) {
                rank = afterRank.get() + GAP;
            } else if (next - afterRank.get() >= 2) {
                rank = afterRank.get() + (next - afterRank.get()) / 2;
            } else {
                rank = renumber(listKey, ranks, afterRank.get(), task.id());
            }
            ranks.put(rank, task.id());
            Task stored = task.withVersion(current.task().version() + 1);
            rows.put(key, new Row(stored, rank, current.overdueMark()));
            return new Undoable<>(stored, () -> restore(listKey, before, key, current));
        });
    }

    /**
     * Spaces the list's other tasks {@link #GAP} apart again in their order and returns the rank for the moved task,
     * right after the task ranked {@code afterRank} (a gap is left there).
     */
    private long renumber(ListKey listKey, TreeMap<Long, TaskId> ranks, long afterRank, TaskId moved) {
        List<Map.Entry<Long, TaskId>> entries = new ArrayList<>(ranks.entrySet());
        ranks.clear();
        long rank = GAP;
        long movedRank = -1;
        for (Map.Entry<Long, TaskId> entry : entries) {
            setRank(listKey, entry.getValue(), rank, ranks);
            rank += GAP;
            if (entry.getKey() == afterRank) {
                movedRank = rank;
                rank += GAP;
            }
        }
        if (movedRank < 0) {
            throw new IllegalStateException("the task to move after vanished while renumbering list " + listKey.listId());
        }
        return movedRank;
    }

    private void setRank(ListKey listKey, TaskId id, long rank, TreeMap<Long, TaskId> ranks) {
        Key key = new Key(listKey.tenantId(), listKey.workspaceId(), id);
        Row row = requireNonNull(rows.get(key), "a ranked task has a row");
        rows.put(key, new Row(row.task(), rank, row.overdueMark()));
        ranks.put(rank, id);
    }

    private Map<TaskId, Long> snapshot(ListKey listKey, TreeMap<Long, TaskId> ranks) {
        Map<TaskId, Long> copy = new HashMap<>();
        ranks.forEach((rank, id) -> copy.put(id, rank));
        return copy;
    }

    private void restore(ListKey listKey, Map<TaskId, Long> before, Key movedKey, Row moved) {
        TreeMap<Long, TaskId> ranks = order.computeIfAbsent(listKey, k -> new TreeMap<>());
        ranks.clear();
        before.forEach((id, rank) -> {
            Key key = new Key(listKey.tenantId(), listKey.workspaceId(), id);
            Row row = rows.get(key);
            if (row != null) {
                rows.put(key, new Row(row.task(), rank, row.overdueMark()));
            }
            ranks.put(rank, id);
        });
        rows.put(movedKey, moved);
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, TaskId id, long expectedVersion) {
        requireNonNull(id, "id must not be null");
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            Row current = rows.get(key);
            if (current == null || current.task().version() != expectedVersion) {
                throw ConflictException.staleVersion("task", id.value(), expectedVersion);
            }
            TreeMap<Long, TaskId> ranks = order.computeIfAbsent(listKey(current.task()), k -> new TreeMap<>());
            rows.remove(key);
            ranks.remove(current.rank());
            return new Undoable<Void>(null, () -> {
                rows.put(key, current);
                ranks.put(current.rank(), id);
            });
        });
    }

    @Override
    public Optional<Task> find(TenantId tenantId, WorkspaceId workspaceId, TaskId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(rows.get(new Key(tenantId, workspaceId, id))).map(Row::task));
    }

    @Override
    public List<Task> list(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId, boolean includeInternal,
                           Optional<TaskId> after, int limit) {
        requireNonNull(listId, "listId must not be null");
        requireNonNull(after, "after must not be null");
        return tx.read(() -> {
            TreeMap<Long, TaskId> ranks = order.getOrDefault(new ListKey(tenantId, workspaceId, listId), new TreeMap<>());
            Map<Long, TaskId> from = ranks;
            if (after.isPresent()) {
                Row anchor = rows.get(new Key(tenantId, workspaceId, after.get()));
                if (anchor == null || !anchor.task().listId().equals(listId)
                        || (!includeInternal && anchor.task().visibility() != Visibility.CLIENT)) {
                    throw new NotFoundException("task", after.get().value());
                }
                from = ranks.tailMap(anchor.rank(), false);
            }
            List<Task> page = new ArrayList<>();
            for (TaskId id : from.values()) {
                if (page.size() >= limit) {
                    break;
                }
                Task task = row(tenantId, workspaceId, id).task();
                if (includeInternal || task.visibility() == Visibility.CLIENT) {
                    page.add(task);
                }
            }
            return page;
        });
    }

    @Override
    public ChecklistProgress progress(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId,
                                      boolean includeInternal) {
        requireNonNull(listId, "listId must not be null");
        return tx.read(() -> {
            int done = 0;
            int total = 0;
            for (TaskId id : order.getOrDefault(new ListKey(tenantId, workspaceId, listId), new TreeMap<>()).values()) {
                Task task = row(tenantId, workspaceId, id).task();
                if (includeInternal || task.visibility() == Visibility.CLIENT) {
                    total++;
                    done += task.isDone() ? 1 : 0;
                }
            }
            return new ChecklistProgress(done, total);
        });
    }

    @Override
    public List<Task> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                 boolean includeInternal, int limit) {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx.read(() -> rows.values().stream().map(Row::task)
                .filter(t -> t.tenantId().equals(tenantId) && t.workspaceId().equals(workspaceId))
                .filter(t -> t.dueDate().filter(d -> !d.isBefore(from) && !d.isAfter(to)).isPresent())
                .filter(t -> includeInternal || (t.visibility() == Visibility.CLIENT
                        && lists.clientVisible(tenantId, workspaceId, t.listId())))
                .sorted(Comparator.comparing((Task t) -> t.dueDate().orElseThrow()).thenComparing(Task::id))
                .limit(limit).toList());
    }

    @Override
    public List<Task> overdueCandidates(LocalDate today, int limit) {
        requireNonNull(today, "today must not be null");
        return tx.read(() -> rows.values().stream()
                .filter(r -> !r.task().isDone())
                .filter(r -> r.task().dueDate().filter(d -> d.isBefore(today)).isPresent())
                .filter(r -> !r.overdueMark().equals(r.task().dueDate()))
                .map(Row::task)
                .sorted(Comparator.comparing((Task t) -> t.dueDate().orElseThrow()).thenComparing(Task::id))
                .limit(limit).toList());
    }

    @Override
    public boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, TaskId id, LocalDate dueDate) {
        requireNonNull(id, "id must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            Row current = rows.get(key);
            if (current == null || current.task().isDone() || !current.task().dueDate().equals(Optional.of(dueDate))
                    || current.overdueMark().equals(Optional.of(dueDate))) {
                return new Undoable<>(false, () -> { });
            }
            rows.put(key, new Row(current.task(), current.rank(), Optional.of(dueDate)));
            return new Undoable<>(true, () -> rows.put(key, current));
        });
    }

    private Row row(TenantId tenantId, WorkspaceId workspaceId, TaskId id) {
        return requireNonNull(rows.get(new Key(tenantId, workspaceId, id)), "a ranked task has a row");
    }

    private Row current(Task task) {
        Row current = rows.get(key(task));
        if (current == null || current.task().version() != task.version()) {
            throw ConflictException.staleVersion("task", task.id().value(), task.version());
        }
        if (!current.task().listId().equals(task.listId())) {
            throw new IllegalArgumentException("a task never changes lists");
        }
        return current;
    }

    private static Key key(Task t) {
        return new Key(t.tenantId(), t.workspaceId(), t.id());
    }

    private static ListKey listKey(Task t) {
        return new ListKey(t.tenantId(), t.workspaceId(), t.listId());
    }

    @Override
    public int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        return tx.read(() -> (int) rows.values().stream().map(Row::task)
                .filter(t -> t.tenantId().equals(tenantId) && t.workspaceId().equals(workspaceId))
                .filter(t -> t.completed().isEmpty() && t.dueDate().filter(d -> d.isBefore(today)).isPresent())
                .count());
    }
}
