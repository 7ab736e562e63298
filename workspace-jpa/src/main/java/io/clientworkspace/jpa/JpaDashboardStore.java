package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.SummaryFilter;
import io.clientworkspace.dashboard.SummaryPosition;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.jpa.entity.DashboardSummaryEntity;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.workspace.WorkspaceStatus;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link DashboardStore} on JPA: one row per workspace in {@code cwk_dashboard_summary} (migration V15), keyed by
 * (tenant, workspace), with the keys of its queries beside the summary's fields, all written by this store from the
 * summary:
 *
 * <ul>
 *   <li>{@code client_activity_key}: the last client activity in microseconds since the epoch, {@link Long#MIN_VALUE}
 *       for none (so "never" sorts first, as {@link SummaryPosition#order} wants for LAST_CLIENT_ACTIVITY);</li>
 *   <li>{@code oldest_pending_key}: {@link WorkspaceSummary#oldestPendingAt()} likewise, {@link Long#MAX_VALUE} for
 *       none (nothing pending sorts last);</li>
 *   <li>{@code sort_name}: {@link WorkspaceSummary#sortName()}, compared binary ({@code COLLATE "C"} on
 *       PostgreSQL);</li>
 *   <li>{@code search_text}: name, slug and external reference lower-cased with {@link Locale#ROOT}, joined by a line
 *       break, which the dashboard's search text (free of control characters) never contains, so one
 *       {@code LIKE '%text%'} answers "one of the three contains it". On PostgreSQL with {@code pg_trgm} a trigram
 *       index serves it.</li>
 * </ul>
 *
 * <p>A {@link #page} is one statement: the filter, the keyset condition as a row comparison on (key, workspace id) and
 * the order, so that PostgreSQL reads one range of the index on (tenant, status, key, workspace id) of the sort (or
 * (tenant, lead, status, ...) for "assigned to me") and stops after the page; for a team member who is not a tenant
 * admin the memberships are checked in the same statement ({@code EXISTS} on the membership's primary key).
 *
 * <p>Locks: {@link #findForUpdate} is {@code SELECT ... FOR UPDATE} ({@code PESSIMISTIC_WRITE}); {@link #insertIfAbsent}
 * is {@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL, elsewhere an insert whose duplicate-key failure answers
 * false (plain JDBC, so the failure does not doom the unit of work).
 */
public final class JpaDashboardStore extends JpaStoreSupport implements DashboardStore {

    private static final String COLUMNS = "tenant_id, workspace_id, name, sort_name, slug, external_ref, search_text,"
            + " status, lead_id, health, pending_approvals, oldest_pending_approval_at, open_requests,"
            + " oldest_open_request_at, overdue_tasks, overdue_milestones, last_client_activity_at,"
            + " last_team_activity_at, onboarding_done, onboarding_total, overdue_invoices, open_tickets, client_members,"
            + " updated_at, client_activity_key, oldest_pending_key";
    private static final int COLUMN_COUNT = 26;

    public JpaDashboardStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Optional<WorkspaceSummary> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireScope(tenantId, workspaceId);
        return tx(() -> Optional.ofNullable(em().find(DashboardSummaryEntity.class, key(tenantId, workspaceId)))
                .map(e -> mapDetached(e, JpaDashboardStore::toDomain)));
    }

    @Override
    public Optional<WorkspaceSummary> findForUpdate(TenantId tenantId, WorkspaceId workspaceId) {
        requireScope(tenantId, workspaceId);
        return tx(() -> {
            DashboardSummaryEntity e;
            try {
                e = em().find(DashboardSummaryEntity.class, key(tenantId, workspaceId), LockModeType.PESSIMISTIC_WRITE);
            } catch (RuntimeException failure) {
                throw JpaErrors.translate(failure, "workspace summary", workspaceId.value());
            }
            return Optional.ofNullable(e).map(found -> mapDetached(found, JpaDashboardStore::toDomain));
        });
    }

    @Override
    public boolean insertIfAbsent(WorkspaceSummary summary) {
        requireNonNull(summary, "summary must not be null");
        return tx(() -> {
            boolean postgres = isPostgreSql();
            // Nothing of this table is kept managed, but flush what is pending so the insert follows it in order.
            em().flush();
            return em().unwrap(Session.class).doReturningWork(connection -> insert(connection, summary, postgres));
        });
    }

    private static boolean insert(Connection connection, WorkspaceSummary s, boolean postgres) throws SQLException {
        String sql = "INSERT INTO cwk_dashboard_summary (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)"
                + (postgres ? " ON CONFLICT (tenant_id, workspace_id) DO NOTHING" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            bind(insert, s);
            return insert.executeUpdate() == 1;
        } catch (SQLException duplicate) {
            if (!postgres && duplicate.getSQLState() != null && duplicate.getSQLState().startsWith("23")) {
                return false;
            }
            throw duplicate;
        }
    }

    private static void bind(PreparedStatement p, WorkspaceSummary s) throws SQLException {
        DashboardSummaryEntity e = new DashboardSummaryEntity(s.tenantId().value(), s.workspaceId().value());
        copy(s, e);
        int i = 1;
        p.setString(i++, e.tenantId);
        p.setString(i++, e.workspaceId);
        p.setString(i++, e.name);
        p.setString(i++, e.sortName);
        p.setString(i++, e.slug);
        setNullableString(p, i++, e.externalRef);
        p.setString(i++, e.searchText);
        p.setString(i++, e.status);
        setNullableString(p, i++, e.leadId);
        p.setString(i++, e.health);
        p.setInt(i++, e.pendingApprovals);
        setInstant(p, i++, e.oldestPendingApprovalAt);
        p.setInt(i++, e.openRequests);
        setInstant(p, i++, e.oldestOpenRequestAt);
        p.setInt(i++, e.overdueTasks);
        p.setInt(i++, e.overdueMilestones);
        setInstant(p, i++, e.lastClientActivityAt);
        setInstant(p, i++, e.lastTeamActivityAt);
        p.setInt(i++, e.onboardingDone);
        p.setInt(i++, e.onboardingTotal);
        p.setInt(i++, e.overdueInvoices);
        p.setInt(i++, e.openTickets);
        p.setInt(i++, e.clientMembers);
        setInstant(p, i++, e.updatedAt);
        p.setLong(i++, e.clientActivityKey);
        p.setLong(i, e.oldestPendingKey);
    }

    private static void setNullableString(PreparedStatement p, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }

    private static void setInstant(PreparedStatement p, int index, @Nullable Instant value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public void replace(WorkspaceSummary summary) {
        requireNonNull(summary, "summary must not be null");
        tx(() -> {
            DashboardSummaryEntity e = em().find(DashboardSummaryEntity.class,
                    key(summary.tenantId(), summary.workspaceId()));
            if (e == null) {
                throw ConflictException.staleVersion("workspace summary", summary.workspaceId().value(), 0);
            }
            copy(summary, e);
            return saveManaged(e, "workspace summary", summary.workspaceId().value());
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
        String key = switch (sort) {
            case LAST_CLIENT_ACTIVITY -> "s.clientActivityKey";
            case OLDEST_PENDING -> "s.oldestPendingKey";
            case NAME -> "s.sortName";
        };
        boolean ascending = direction == SortDirection.ASCENDING;
        List<String> where = new ArrayList<>();
        where.add("s.tenantId = :tenant");
        filter.servedBy().ifPresent(served -> where.add("exists (select 1 from CwkMembership m"
                + " where m.tenantId = s.tenantId and m.workspaceId = s.workspaceId and m.userId = :servedBy"
                + " and m.role in :roles)"));
        filter.lead().ifPresent(lead -> where.add("s.leadId = :lead"));
        filter.status().ifPresent(status -> where.add("s.status = :status"));
        filter.text().ifPresent(text -> where.add("s.searchText like :text escape '!'"));
        filter.attention().ifPresent(attention -> where.add("(s.oldestPendingApprovalAt <= :pendingSince"
                + " or s.overdueTasks + s.overdueMilestones > 0"
                + " or (s.clientMembers > 0 and (s.lastClientActivityAt is null"
                + " or s.lastClientActivityAt <= :inactiveSince))"
                + " or s.health in ('AT_RISK', 'OFF_TRACK')"
                + (attention.invoices() ? " or s.overdueInvoices > 0)" : ")")));
        after.ifPresent(position -> where.add("(" + key + ", s.workspaceId) " + (ascending ? ">" : "<")
                + " (:afterKey, :afterWorkspace)"));
        String order = ascending ? "" : " desc";
        String hql = "select s from CwkDashboardSummary s where " + String.join(" and ", where)
                + " order by " + key + order + ", s.workspaceId" + order;
        return tx(() -> {
            TypedQuery<DashboardSummaryEntity> query = em().createQuery(hql, DashboardSummaryEntity.class)
                    .setParameter("tenant", tenantId.value());
            filter.servedBy().ifPresent(served -> query.setParameter("servedBy", served.userId().value())
                    .setParameter("roles", served.roles().stream().map(Enum::name).sorted().toList()));
            filter.lead().ifPresent(lead -> query.setParameter("lead", lead.value()));
            filter.status().ifPresent(status -> query.setParameter("status", status.name()));
            filter.text().ifPresent(text -> query.setParameter("text", "%" + escapeLike(text) + "%"));
            filter.attention().ifPresent(attention -> query
                    .setParameter("pendingSince", attention.pendingApprovalSince())
                    .setParameter("inactiveSince", attention.clientInactiveSince()));
            after.ifPresent(position -> {
                Object afterKey = switch (sort) {
                    case LAST_CLIENT_ACTIVITY -> position.at().map(JpaDashboardStore::micros).orElse(Long.MIN_VALUE);
                    case OLDEST_PENDING -> position.at().map(JpaDashboardStore::micros).orElse(Long.MAX_VALUE);
                    case NAME -> position.sortName();
                };
                query.setParameter("afterKey", afterKey).setParameter("afterWorkspace", position.workspaceId().value());
            });
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaDashboardStore::toDomain);
        });
    }

    @Override
    public long count(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx(() -> em().createQuery("select count(s) from CwkDashboardSummary s where s.tenantId = :tenant",
                        Long.class)
                .setParameter("tenant", tenantId.value())
                .getSingleResult());
    }

    /** {@code text} as a literal inside {@code LIKE ... ESCAPE '!'}. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Microseconds since the epoch (the precision of the stored instants). */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private boolean isPostgreSql() {
        return em().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    private static DashboardSummaryEntity.Key key(TenantId tenantId, WorkspaceId workspaceId) {
        return new DashboardSummaryEntity.Key(tenantId.value(), workspaceId.value());
    }

    /** Copies the summary and the keys derived from it; the key columns never change. */
    private static void copy(WorkspaceSummary s, DashboardSummaryEntity e) {
        e.name = s.name();
        e.sortName = s.sortName();
        e.slug = s.slug();
        e.externalRef = s.externalRef().orElse(null);
        e.searchText = s.name().toLowerCase(Locale.ROOT) + "\n" + s.slug().toLowerCase(Locale.ROOT) + "\n"
                + s.externalRef().map(r -> r.toLowerCase(Locale.ROOT)).orElse("");
        e.status = s.status().name();
        e.leadId = s.lead().map(UserId::value).orElse(null);
        e.health = s.health().name();
        e.pendingApprovals = s.pendingApprovals();
        e.oldestPendingApprovalAt = s.oldestPendingApprovalAt().orElse(null);
        e.openRequests = s.openRequests();
        e.oldestOpenRequestAt = s.oldestOpenRequestAt().orElse(null);
        e.overdueTasks = s.overdueTasks();
        e.overdueMilestones = s.overdueMilestones();
        e.lastClientActivityAt = s.lastClientActivityAt().orElse(null);
        e.lastTeamActivityAt = s.lastTeamActivityAt().orElse(null);
        e.onboardingDone = s.onboarding().done();
        e.onboardingTotal = s.onboarding().total();
        e.overdueInvoices = s.overdueInvoices();
        e.openTickets = s.openTickets();
        e.clientMembers = s.clientMembers();
        e.updatedAt = s.updatedAt();
        e.clientActivityKey = s.lastClientActivityAt().map(JpaDashboardStore::micros).orElse(Long.MIN_VALUE);
        e.oldestPendingKey = s.oldestPendingAt().map(JpaDashboardStore::micros).orElse(Long.MAX_VALUE);
    }

    static WorkspaceSummary toDomain(DashboardSummaryEntity e) {
        return new WorkspaceSummary(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.name, e.slug,
                Optional.ofNullable(e.externalRef), WorkspaceStatus.valueOf(e.status),
                Optional.ofNullable(e.leadId).map(UserId::of), ProjectHealth.valueOf(e.health), e.pendingApprovals,
                Optional.ofNullable(e.oldestPendingApprovalAt), e.openRequests, Optional.ofNullable(e.oldestOpenRequestAt),
                e.overdueTasks, e.overdueMilestones, Optional.ofNullable(e.lastClientActivityAt),
                Optional.ofNullable(e.lastTeamActivityAt), new ChecklistProgress(e.onboardingDone, e.onboardingTotal),
                e.overdueInvoices, e.openTickets, e.clientMembers, e.updatedAt);
    }
}
