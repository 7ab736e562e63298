package io.clientworkspace.jpa;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.MilestoneEntity;
import io.clientworkspace.project.Delivery;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.spi.MilestoneStore;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link MilestoneStore} on JPA. A milestone is one row keyed by (tenant, workspace, id); the overdue mark is the
 * column {@code overdue_raised_for}, written only by {@link #markOverdue}'s one conditional update (never by saving the
 * entity, so an update cannot undo a concurrent mark), which does not touch the version. Clients' queries leave out
 * milestones of internal projects with a correlated subquery on the project's row.
 */
public final class JpaMilestoneStore extends JpaStoreSupport implements MilestoneStore {

    /** The condition "the milestone's project is client-visible", for queries on {@code CwkMilestone m}. */
    static final String CLIENT_PROJECT = " and exists (select 1 from CwkProject p where p.tenantId = m.tenantId"
            + " and p.workspaceId = m.workspaceId and p.id = m.projectId and p.visibility = 'CLIENT')";

    /** The condition "the milestone's workspace is not archived", for queries on {@code CwkMilestone m}. */
    public JpaMilestoneStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Milestone insert(Milestone milestone) {
        requireNonNull(milestone, "milestone must not be null");
        return tx(() -> {
            if (em().find(MilestoneEntity.class, key(milestone.tenantId(), milestone.workspaceId(), milestone.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Milestone '" + milestone.id() + "' already exists");
            }
            MilestoneEntity e = new MilestoneEntity(milestone.tenantId().value(), milestone.workspaceId().value(),
                    milestone.id().value());
            e.projectId = milestone.projectId().value();
            e.createdAt = milestone.createdAt();
            e.version = 0;
            copy(milestone, e);
            return toDomain(insert(e, "milestone", milestone.id().value()));
        });
    }

    @Override
    public Milestone update(Milestone milestone) {
        requireNonNull(milestone, "milestone must not be null");
        return tx(() -> {
            MilestoneEntity e = em().find(MilestoneEntity.class,
                    key(milestone.tenantId(), milestone.workspaceId(), milestone.id()));
            if (e == null || e.version != milestone.version()) {
                throw ConflictException.staleVersion("milestone", milestone.id().value(), milestone.version());
            }
            if (!e.projectId.equals(milestone.projectId().value())) {
                throw new IllegalArgumentException("a milestone never changes projects");
            }
            copy(milestone, e);
            return toDomain(saveVersioned(e, milestone.version(), entity -> entity.version, "milestone",
                    milestone.id().value()));
        });
    }

    @Override
    public Optional<Milestone> find(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(MilestoneEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaMilestoneStore::toDomain)));
    }

    @Override
    public List<Milestone> listForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(projectId, "projectId must not be null");
        return tx(() -> mapDetached(em().createQuery("select m from CwkMilestone m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.projectId = :project"
                        + " order by m.dueDate nulls last, m.id", MilestoneEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("project", projectId.value())
                .setMaxResults(limit)
                .getResultList(), JpaMilestoneStore::toDomain));
    }

    @Override
    public long countForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId) {
        requireScope(tenantId, workspaceId);
        requireNonNull(projectId, "projectId must not be null");
        return tx(() -> em().createQuery("select count(m) from CwkMilestone m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.projectId = :project", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("project", projectId.value())
                .getSingleResult());
    }

    @Override
    public List<Milestone> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                      boolean includeInternal, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx(() -> mapDetached(em().createQuery("select m from CwkMilestone m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.dueDate >= :from and m.dueDate <= :to"
                        + (includeInternal ? "" : CLIENT_PROJECT)
                        + " order by m.dueDate, m.id", MilestoneEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .getResultList(), JpaMilestoneStore::toDomain));
    }

    /**
     * One statement across tenants on {@code ix_cwk_milestone_sweep}, whose predicate on PostgreSQL is exactly this
     * query's condition on the milestone (undelivered and not raised for its current due date). Archived
     * workspaces are not filtered here: the sweep marks their milestones without raising them.
     */
    @Override
    public List<Milestone> overdueCandidates(LocalDate today, int limit) {
        requireNonNull(today, "today must not be null");
        return tx(() -> mapDetached(em().createQuery("select m from CwkMilestone m where m.deliveredAt is null"
                        + " and m.dueDate < :today"
                        + " and (m.overdueRaisedFor is null or m.overdueRaisedFor <> m.dueDate)"
                        + " order by m.dueDate, m.id", MilestoneEntity.class)
                .setParameter("today", today)
                .setMaxResults(limit)
                .getResultList(), JpaMilestoneStore::toDomain));
    }

    /**
     * One conditional update: of concurrent callers the database lets exactly one match (the others re-check the
     * condition after the winner's commit, or conflict on the row lock).
     */
    @Override
    public boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id, LocalDate dueDate) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        requireNonNull(dueDate, "dueDate must not be null");
        return tx(() -> {
            try {
                return em().createQuery("update CwkMilestone m set m.overdueRaisedFor = :due"
                                + " where m.tenantId = :tenant and m.workspaceId = :workspace and m.id = :id"
                                + " and m.deliveredAt is null and m.dueDate = :due"
                                + " and (m.overdueRaisedFor is null or m.overdueRaisedFor <> :due)")
                        .setParameter("due", dueDate)
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("id", id.value())
                        .executeUpdate() == 1;
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, "milestone", id.value());
            }
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    /** Copies what may change over a milestone's life; its project and creation time never do. */
    private static void copy(Milestone m, MilestoneEntity e) {
        e.title = m.title();
        e.dueDate = m.dueDate().orElse(null);
        e.requiresApproval = m.requiresApproval();
        e.approvalId = m.approval().map(ApprovalId::value).orElse(null);
        e.deliveredAt = m.delivered().map(Delivery::at).orElse(null);
        e.deliveredBy = m.delivered().map(d -> d.by().value()).orElse(null);
        e.updatedAt = m.updatedAt();
    }

    private static MilestoneEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id) {
        return new MilestoneEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Milestone toDomain(MilestoneEntity e) {
        Optional<Delivery> delivered = e.deliveredAt == null || e.deliveredBy == null ? Optional.empty()
                : Optional.of(new Delivery(e.deliveredAt, UserId.of(e.deliveredBy)));
        return new Milestone(MilestoneId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                ProjectId.of(e.projectId), e.title, Optional.ofNullable(e.dueDate), e.requiresApproval,
                Optional.ofNullable(e.approvalId).map(ApprovalId::of), delivered, e.createdAt, e.updatedAt, e.version);
    }

    /** One statement on {@code ix_cwk_milestone_open_due} (V15; on PostgreSQL only undelivered milestones are in it). */
    @Override
    public int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        requireScope(tenantId, workspaceId);
        requireNonNull(today, "today must not be null");
        return tx(() -> em().createQuery("select count(m) from CwkMilestone m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.deliveredAt is null and m.dueDate < :today", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("today", today)
                .getSingleResult().intValue());
    }
}
