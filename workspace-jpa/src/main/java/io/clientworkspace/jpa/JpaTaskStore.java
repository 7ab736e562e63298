package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.TaskEntity;
import io.clientworkspace.jpa.entity.TaskListEntity;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Completion;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.TaskStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link TaskStore} on JPA. A task is one row keyed by (tenant, workspace, id) with its rank ({@code sort_rank}) and
 * its overdue mark ({@code overdue_raised_for}) beside the record's fields; both are written only by this store's own
 * statements, never by saving the entity, so saving a task never undoes a concurrent renumbering or mark.
 *
 * <p><b>Order.</b> Ranks are spaced {@link #GAP} apart. {@link #insert} and {@link #move} first lock the list's row in
 * {@code cwk_task_list} (insert: the update of its {@code last_rank}; move: {@code SELECT ... FOR UPDATE}), which
 * changes neither the list's version nor its {@code updatedAt}, so rank changes of one list are serialized across
 * threads and nodes while completions and edits of its tasks are not. A new task takes the list's {@code last_rank}
 * (at least the highest rank in the list) + {@link #GAP}, without reading the list's tasks; a moved task takes the
 * middle between its new neighbours; when they are adjacent, the list's other tasks are renumbered in their order
 * with one JDBC statement batch (one prepared {@code UPDATE}, one row per task) in the same transaction, leaving room
 * after the anchor. Renumbering touches no version. Pages seek from the anchor task's (rank, id), the index
 * {@code ix_cwk_task_list_order} (team) or {@code ix_cwk_task_client_order} (clients) serving them, so hidden tasks
 * leave no gap and no trace in cursors.
 */
public final class JpaTaskStore extends JpaStoreSupport implements TaskStore {

    /** The distance between ranks of appended and renumbered tasks. */
    static final long GAP = 1L << 20;

    private static final String SCOPE = "t.tenantId = :tenant and t.workspaceId = :workspace";

    /** Effective visibility CLIENT: the task's list and, if any, the list's project are client-visible too. */
    private static final String CLIENT_EFFECTIVE = " and t.visibility = 'CLIENT' and exists (select 1 from CwkTaskList l"
            + " where l.tenantId = t.tenantId and l.workspaceId = t.workspaceId and l.id = t.listId"
            + " and l.visibility = 'CLIENT' and (l.projectId is null or exists (select 1 from CwkProject p"
            + " where p.tenantId = l.tenantId and p.workspaceId = l.workspaceId and p.id = l.projectId"
            + " and p.visibility = 'CLIENT')))";

    /** The condition "the task's workspace is not archived", for queries on {@code CwkTask t}. */
    public JpaTaskStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Task insert(Task task) {
        requireNonNull(task, "task must not be null");
        return tx(() -> {
            long rank = nextLastRank(task);
            if (em().find(TaskEntity.class, key(task.tenantId(), task.workspaceId(), task.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Task '" + task.id() + "' already exists");
            }
            TaskEntity e = new TaskEntity(task.tenantId().value(), task.workspaceId().value(), task.id().value());
            e.listId = task.listId().value();
            e.createdBy = task.createdBy().value();
            e.createdAt = task.createdAt();
            e.sortRank = rank;
            e.version = 0;
            copy(task, e);
            return toDomain(insert(e, "task", task.id().value()));
        });
    }

    /**
     * Raises the list's {@code last_rank} by {@link #GAP} and returns it: one update of the list's row, which also
     * locks the list until the transaction ends. For a list that is not stored, the highest rank of its tasks + GAP.
     */
    private long nextLastRank(Task task) {
        int updated;
        try {
            updated = em().createQuery("update CwkTaskList l set l.lastRank = l.lastRank + :gap"
                            + " where l.tenantId = :tenant and l.workspaceId = :workspace and l.id = :list")
                    .setParameter("gap", GAP)
                    .setParameter("tenant", task.tenantId().value())
                    .setParameter("workspace", task.workspaceId().value())
                    .setParameter("list", task.listId().value())
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, "task list", task.listId().value());
        }
        String from = updated == 1 ? "select l.lastRank from CwkTaskList l where l.tenantId = :tenant"
                + " and l.workspaceId = :workspace and l.id = :list"
                : "select coalesce(max(t.sortRank), 0) + " + GAP + " from CwkTask t where " + SCOPE + " and t.listId = :list";
        return em().createQuery(from, Long.class)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("list", task.listId().value())
                .getSingleResult();
    }

    /** Raises the list's {@code last_rank} to {@code rank} if it is lower (the list's row is locked already). */
    private void raiseLastRank(Task task, long rank) {
        setLastRank(task, rank, true);
    }

    /** Sets the list's {@code last_rank} to {@code rank}, or only raises it to {@code rank} when {@code onlyRaise}. */
    private void setLastRank(Task task, long rank, boolean onlyRaise) {
        em().createQuery("update CwkTaskList l set l.lastRank = :rank where l.tenantId = :tenant"
                        + " and l.workspaceId = :workspace and l.id = :list" + (onlyRaise ? " and l.lastRank < :rank" : ""))
                .setParameter("rank", rank)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("list", task.listId().value())
                .executeUpdate();
    }

    @Override
    public Task update(Task task) {
        requireNonNull(task, "task must not be null");
        return tx(() -> {
            TaskEntity e = current(task);
            copy(task, e);
            return toDomain(saveVersioned(e, task.version(), entity -> entity.version, "task", task.id().value()));
        });
    }

    @Override
    public Task move(Task task, Optional<TaskId> after) {
        requireNonNull(task, "task must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> {
            lockList(task.tenantId(), task.workspaceId(), task.listId());
            TaskEntity e = current(task);
            Optional<Anchor> anchor = Optional.empty();
            if (after.isPresent()) {
                if (after.get().equals(task.id())) {
                    throw new IllegalArgumentException("a task cannot move after itself");
                }
                anchor = Optional.of(new Anchor(after.get().value(), rankOf(task, after.get()).orElseThrow(() ->
                        new IllegalArgumentException("'" + after.get() + "' is not a task of the list"))));
            }
            long rank = placeAfter(task, anchor);
            copy(task, e);
            Task saved = toDomain(saveVersioned(e, task.version(), entity -> entity.version, "task", task.id().value()));
            setRank(task, rank);
            raiseLastRank(task, rank);
            return saved;
        });
    }

    /** The task a moved task goes right after: its id and rank. */
    private record Anchor(String id, long rank) {
    }

    /** The rank for {@code task} right after the anchor (first when none), renumbering the list when there is no room. */
    private long placeAfter(Task task, Optional<Anchor> anchor) {
        Optional<Long> next = nextRank(task, anchor);
        if (anchor.isEmpty()) {
            if (next.isEmpty()) {
                return GAP;
            }
            if (next.get() > Long.MIN_VALUE + 2 * GAP) {
                return next.get() - GAP;
            }
        } else if (next.isEmpty()) {
            if (anchor.get().rank() < Long.MAX_VALUE - 2 * GAP) {
                return anchor.get().rank() + GAP;
            }
        } else if (next.get() - anchor.get().rank() >= 2) {
            return anchor.get().rank() + (next.get() - anchor.get().rank()) / 2;
        }
        return renumber(task, anchor);
    }

    /**
     * The rank of the first task (other than {@code task}) in list order after the anchor, or of the list's first
     * task when there is no anchor.
     */
    private Optional<Long> nextRank(Task task, Optional<Anchor> anchor) {
        TypedQuery<Long> query = em().createQuery("select t.sortRank from CwkTask t where " + SCOPE
                        + " and t.listId = :list and t.id <> :self"
                        + (anchor.isPresent()
                                ? " and (t.sortRank > :rank or (t.sortRank = :rank and t.id > :anchor))" : "")
                        + " order by t.sortRank, t.id", Long.class)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("list", task.listId().value())
                .setParameter("self", task.id().value());
        anchor.ifPresent(a -> query.setParameter("rank", a.rank()).setParameter("anchor", a.id()));
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * Spaces the list's tasks other than {@code task} {@link #GAP} apart again in their order, with one JDBC
     * statement batch, leaving a free rank right after the anchor (or before the first task), and returns that rank.
     */
    private long renumber(Task task, Optional<Anchor> anchor) {
        List<String> order = em().createQuery("select t.id from CwkTask t where " + SCOPE
                        + " and t.listId = :list and t.id <> :self order by t.sortRank, t.id", String.class)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("list", task.listId().value())
                .setParameter("self", task.id().value())
                .getResultList();
        long[] free = {GAP};
        long[] last = {0};
        em().flush();
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE cwk_task SET sort_rank = ?"
                    + " WHERE tenant_id = ? AND workspace_id = ? AND id = ?")) {
                long rank = anchor.isEmpty() ? 2 * GAP : GAP;
                for (String id : order) {
                    update.setLong(1, rank);
                    update.setString(2, task.tenantId().value());
                    update.setString(3, task.workspaceId().value());
                    update.setString(4, id);
                    update.addBatch();
                    rank += GAP;
                    if (anchor.isPresent() && anchor.get().id().equals(id)) {
                        free[0] = rank;
                        rank += GAP;
                    }
                }
                update.executeBatch();
                last[0] = rank - GAP;
            }
        });
        setLastRank(task, Math.max(free[0], last[0]), false);
        return free[0];
    }

    private void setRank(Task task, long rank) {
        em().createQuery("update CwkTask t set t.sortRank = :rank where " + SCOPE + " and t.id = :id")
                .setParameter("rank", rank)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("id", task.id().value())
                .executeUpdate();
    }

    /** The rank of the task {@code id} of {@code task}'s list, if it is one. */
    private Optional<Long> rankOf(Task task, TaskId id) {
        return em().createQuery("select t.sortRank from CwkTask t where " + SCOPE
                        + " and t.listId = :list and t.id = :id", Long.class)
                .setParameter("tenant", task.tenantId().value())
                .setParameter("workspace", task.workspaceId().value())
                .setParameter("list", task.listId().value())
                .setParameter("id", id.value())
                .getResultList().stream().findFirst();
    }

    /**
     * Locks the list's row until the transaction ends (no version change), serializing rank changes of the list; a
     * list that is not stored locks nothing.
     */
    private void lockList(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId) {
        try {
            TaskListEntity list = em().find(TaskListEntity.class,
                    new TaskListEntity.Key(tenantId.value(), workspaceId.value(), listId.value()),
                    LockModeType.PESSIMISTIC_WRITE);
            if (list != null) {
                em().detach(list);
            }
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, "task list", listId.value());
        }
    }

    /** The stored entity of {@code task} at its version, in its list. */
    private TaskEntity current(Task task) {
        TaskEntity e = em().find(TaskEntity.class, key(task.tenantId(), task.workspaceId(), task.id()));
        if (e == null || e.version != task.version()) {
            throw ConflictException.staleVersion("task", task.id().value(), task.version());
        }
        if (!e.listId.equals(task.listId().value())) {
            throw new IllegalArgumentException("a task never changes lists");
        }
        return e;
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, TaskId id, long expectedVersion) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        tx(() -> {
            int deleted;
            try {
                deleted = em().createQuery("delete from CwkTask t where " + SCOPE + " and t.id = :id"
                                + " and t.version = :version")
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("id", id.value())
                        .setParameter("version", expectedVersion)
                        .executeUpdate();
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, "task", id.value());
            }
            if (deleted != 1) {
                throw ConflictException.staleVersion("task", id.value(), expectedVersion);
            }
            return null;
        });
    }

    @Override
    public Optional<Task> find(TenantId tenantId, WorkspaceId workspaceId, TaskId id) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(TaskEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaTaskStore::toDomain)));
    }

    @Override
    public List<Task> list(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId, boolean includeInternal,
                           Optional<TaskId> after, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(listId, "listId must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> {
            Optional<Long> anchorRank = Optional.empty();
            if (after.isPresent()) {
                Object[] anchor = em().createQuery("select t.sortRank, t.visibility from CwkTask t where " + SCOPE
                                + " and t.listId = :list and t.id = :id", Object[].class)
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("list", listId.value())
                        .setParameter("id", after.get().value())
                        .getResultList().stream().findFirst()
                        .filter(row -> includeInternal || Visibility.CLIENT.name().equals(row[1]))
                        .orElseThrow(() -> new NotFoundException("task", after.get().value()));
                anchorRank = Optional.of((Long) anchor[0]);
            }
            TypedQuery<TaskEntity> query = em().createQuery("select t from CwkTask t where " + SCOPE
                            + " and t.listId = :list"
                            // 'CLIENT' as a literal, so the clients' index (visibility, sort_rank, id) serves it.
                            + (includeInternal ? "" : " and t.visibility = 'CLIENT'")
                            + (anchorRank.isPresent()
                                    ? " and (t.sortRank > :rank or (t.sortRank = :rank and t.id > :id))" : "")
                            + " order by t.sortRank, t.id", TaskEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("list", listId.value());
            anchorRank.ifPresent(rank -> query.setParameter("rank", rank).setParameter("id", after.get().value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaTaskStore::toDomain);
        });
    }

    @Override
    public ChecklistProgress progress(TenantId tenantId, WorkspaceId workspaceId, TaskListId listId,
                                      boolean includeInternal) {
        requireScope(tenantId, workspaceId);
        requireNonNull(listId, "listId must not be null");
        return tx(() -> {
            Object[] counts = em().createQuery("select count(t), coalesce(sum(case when t.completedAt is null then 0"
                            + " else 1 end), 0) from CwkTask t where " + SCOPE + " and t.listId = :list"
                            + (includeInternal ? "" : " and t.visibility = 'CLIENT'"), Object[].class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("list", listId.value())
                    .getSingleResult();
            return new ChecklistProgress(((Number) counts[1]).intValue(), ((Number) counts[0]).intValue());
        });
    }

    @Override
    public List<Task> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                 boolean includeInternal, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx(() -> mapDetached(em().createQuery("select t from CwkTask t where " + SCOPE
                        + " and t.dueDate >= :from and t.dueDate <= :to"
                        + (includeInternal ? "" : CLIENT_EFFECTIVE)
                        + " order by t.dueDate, t.id", TaskEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .getResultList(), JpaTaskStore::toDomain));
    }

    /**
     * One statement across tenants on {@code ix_cwk_task_sweep}, whose predicate on PostgreSQL is exactly this
     * query's condition on the task (open and not raised for its current due date), so raised items and done items
     * are not in the index at all. Archived workspaces are not filtered here: the sweep marks their items without
     * raising them, which takes them out of the index.
     */
    @Override
    public List<Task> overdueCandidates(LocalDate today, int limit) {
        requireNonNull(today, "today must not be null");
        return tx(() -> mapDetached(em().createQuery("select t from CwkTask t where t.completedAt is null"
                        + " and t.dueDate < :today"
                        + " and (t.overdueRaisedFor is null or t.overdueRaisedFor <> t.dueDate)"
                        + " order by t.dueDate, t.id", TaskEntity.class)
                .setParameter("today", today)
                .setMaxResults(limit)
                .getResultList(), JpaTaskStore::toDomain));
    }

    /**
     * One conditional update: of concurrent callers the database lets exactly one match (the others re-check the
     * condition after the winner's commit, or conflict on the row lock). Does not touch the version.
     */
    @Override
    public boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, TaskId id, LocalDate dueDate) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        return tx(() -> {
            try {
                return em().createQuery("update CwkTask t set t.overdueRaisedFor = :due where " + SCOPE
                                + " and t.id = :id and t.completedAt is null and t.dueDate = :due"
                                + " and (t.overdueRaisedFor is null or t.overdueRaisedFor <> :due)")
                        .setParameter("due", dueDate)
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("id", id.value())
                        .executeUpdate() == 1;
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, "task", id.value());
            }
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    /** Copies what may change over a task's life; its list, creator and creation time never do. */
    private static void copy(Task t, TaskEntity e) {
        e.title = t.title();
        e.notes = t.notes();
        e.side = t.side().name();
        e.assignee = t.assignee().map(UserId::value).orElse(null);
        e.dueDate = t.dueDate().orElse(null);
        e.completedAt = t.completed().map(Completion::at).orElse(null);
        e.completedBy = t.completed().map(c -> c.by().value()).orElse(null);
        e.visibility = t.visibility().name();
        e.updatedAt = t.updatedAt();
    }

    private static TaskEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, TaskId id) {
        return new TaskEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Task toDomain(TaskEntity e) {
        Optional<Completion> completed = e.completedAt == null || e.completedBy == null ? Optional.empty()
                : Optional.of(new Completion(e.completedAt, UserId.of(e.completedBy)));
        return new Task(TaskId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                TaskListId.of(e.listId), e.title, e.notes, TaskSide.valueOf(e.side),
                Optional.ofNullable(e.assignee).map(UserId::of), Optional.ofNullable(e.dueDate), completed,
                Visibility.valueOf(e.visibility), UserId.of(e.createdBy), e.createdAt, e.updatedAt, e.version);
    }

    /** One statement on {@code ix_cwk_task_open_due} (V15; on PostgreSQL only open tasks are in it). */
    @Override
    public int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        requireScope(tenantId, workspaceId);
        requireNonNull(today, "today must not be null");
        return tx(() -> em().createQuery("select count(t) from CwkTask t where " + SCOPE
                        + " and t.completedAt is null and t.dueDate < :today", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("today", today)
                .getSingleResult().intValue());
    }
}
