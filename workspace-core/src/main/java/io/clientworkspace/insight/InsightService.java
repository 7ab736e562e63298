package io.clientworkspace.insight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Engagement insights ({@code kit.insights()}): records client visits and reads weekly reports built from daily
 * rollups (see the package documentation for what each figure means).
 *
 * <p>Who reads what: the tenant-level reports ({@link #tenantReport}, {@link #clientTurnaround}) are for tenant
 * admins and account managers, others get {@link AccessDeniedException}; a workspace report is for team members
 * of the workspace holding {@link Permission#VIEW_DASHBOARD} (tenant admins everywhere): a client gets the same
 * {@link NotFoundException} as for a workspace that does not exist, a team member without the permission
 * {@link AccessDeniedException}. Reading {@code n} weeks reads at most {@code 7 n} rows per metric and scope,
 * however long the history.
 */
public final class InsightService {

    /** Weeks in a report when the caller does not say. */
    public static final int DEFAULT_WEEKS = 12;
    /** The most weeks a report covers. */
    public static final int MAX_WEEKS = 52;

    private static final Set<InsightMetric> REPORT_METRICS = EnumSet.of(InsightMetric.WEEKLY_ACTIVE_CLIENTS,
            InsightMetric.APPROVAL_TURNAROUND, InsightMetric.REQUEST_FIRST_RESPONSE, InsightMetric.REQUEST_RESOLUTION,
            InsightMetric.TIME_TO_CHECKLIST, InsightMetric.TIME_TO_FIRST_DELIVERY, InsightMetric.ITEMS_OVERDUE,
            InsightMetric.ITEMS_ON_TIME);

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final InsightStore store;
    private final Optional<OnboardingStore> onboarding;
    private final Cache<VisitKey, Boolean> recorded;

    InsightService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, InsightStore store,
                   Optional<OnboardingStore> onboarding, long visitMemoSize) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.store = requireNonNull(store, "store must not be null");
        this.onboarding = requireNonNull(onboarding, "onboarding must not be null");
        this.recorded = Caffeine.newBuilder().maximumSize(visitMemoSize).expireAfterWrite(Duration.ofDays(1)).build();
    }

    /**
     * Records that a client user visited a workspace; callers may call it on every request of the user. Counts a
     * user at most once per workspace per UTC day (and once per tenant per day and ISO week for the tenant's
     * figures). Team actors and workspaces the client may not see are ignored: {@code false}, nothing stored, no
     * exception. Repeated calls on the same day are answered from a bounded in-memory memo without touching the
     * store. The first visit of a day publishes {@link InsightEvent.ClientVisited}.
     *
     * @return true when this was the user's first visit to the workspace on this UTC day
     */
    public boolean recordVisit(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (actor.isTeam()) {
            return false;
        }
        var now = kernel.now();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        VisitKey key = new VisitKey(actor.tenantId(), workspaceId, actor.userId(), day);
        if (recorded.getIfPresent(key) != null) {
            return false;
        }
        if (access.findVisible(actor, workspaceId).isEmpty()) {
            return false;
        }
        boolean first = kernel.write(changes -> {
            TenantId tenant = actor.tenantId();
            VisitMark inWorkspace = store.markVisit(tenant, InsightScope.workspace(workspaceId), actor.userId(), day,
                    changes.now());
            if (!inWorkspace.firstOfDay()) {
                return false;
            }
            count(tenant, InsightScope.workspace(workspaceId), day, inWorkspace);
            VisitMark inTenant = store.markVisit(tenant, InsightScope.tenant(), actor.userId(), day, changes.now());
            count(tenant, InsightScope.tenant(), day, inTenant);
            changes.publish(new InsightEvent.ClientVisited(tenant, workspaceId, actor, changes.now()));
            return true;
        });
        recorded.put(key, Boolean.TRUE);
        return first;
    }

    private void count(TenantId tenant, InsightScope scope, LocalDate day, VisitMark mark) {
        if (mark.firstOfDay()) {
            store.count(tenant, scope, day, InsightMetric.DAILY_ACTIVE_CLIENTS, 1);
        }
        if (mark.firstOfWeek()) {
            store.count(tenant, scope, day, InsightMetric.WEEKLY_ACTIVE_CLIENTS, 1);
        }
    }

    /** The tenant's report over the last {@link #DEFAULT_WEEKS} weeks. */
    public InsightReport tenantReport(Actor actor) {
        return tenantReport(actor, DEFAULT_WEEKS);
    }

    /**
     * The tenant's report over the last {@code weeks} ISO weeks (the current, partial one last); tenant admins and
     * account managers only.
     *
     * @throws AccessDeniedException for anyone else
     * @throws ValidationException (field {@code weeks}) unless {@code 1 <= weeks <= 52}
     */
    public InsightReport tenantReport(Actor actor, int weeks) {
        requireNonNull(actor, "actor must not be null");
        checkWeeks(weeks);
        requireTenantReader(actor, "read the tenant's insights");
        return report(actor.tenantId(), InsightScope.tenant(), Optional.empty(), weeks, Optional.empty());
    }

    /**
     * The tenant's report for the host itself, with no user behind the call: metrics gauges and jobs (the Spring
     * starter's Micrometer gauges use it). Never call it on behalf of a user's request; use
     * {@link #tenantReport(Actor, int)} there.
     *
     * @throws ValidationException (field {@code weeks}) unless {@code 1 <= weeks <= 52}
     */
    public InsightReport tenantReportForHost(TenantId tenantId, int weeks) {
        requireNonNull(tenantId, "tenantId must not be null");
        checkWeeks(weeks);
        return report(tenantId, InsightScope.tenant(), Optional.empty(), weeks, Optional.empty());
    }

    /**
     * The workspace's report over the last {@code weeks} ISO weeks, with its onboarding facts.
     *
     * @throws NotFoundException for clients and for workspaces the actor may not see
     * @throws AccessDeniedException for team members without {@link Permission#VIEW_DASHBOARD} in it
     * @throws ValidationException (field {@code weeks}) unless {@code 1 <= weeks <= 52}
     */
    public InsightReport workspaceReport(Actor actor, WorkspaceId workspaceId, int weeks) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        checkWeeks(weeks);
        if (!actor.isTeam()) {
            throw new NotFoundException("workspace", workspaceId.value());
        }
        access.require(actor, workspaceId, Permission.VIEW_DASHBOARD, "read the workspace's insights");
        Optional<OnboardingFacts> facts = onboarding.map(o -> o.find(actor.tenantId(), workspaceId)
                .orElse(OnboardingFacts.none(actor.tenantId(), workspaceId)));
        return report(actor.tenantId(), InsightScope.workspace(workspaceId), Optional.of(workspaceId), weeks, facts);
    }

    /**
     * Approval turnaround per client user across the tenant's workspaces over the last {@code weeks} ISO weeks;
     * tenant admins and account managers only.
     *
     * @throws AccessDeniedException for anyone else
     * @throws ValidationException (field {@code weeks}) unless {@code 1 <= weeks <= 52}
     */
    public ClientTurnaroundReport clientTurnaround(Actor actor, int weeks) {
        requireNonNull(actor, "actor must not be null");
        checkWeeks(weeks);
        requireTenantReader(actor, "read the clients' approval turnaround");
        LocalDate today = today();
        LocalDate from = firstMonday(today, weeks);
        Map<String, List<DailyRollup>> byUser = new LinkedHashMap<>();
        for (DailyRollup row : store.rollupsOfKind(actor.tenantId(), InsightScope.Kind.CLIENT_USER,
                InsightMetric.APPROVAL_TURNAROUND, from, today)) {
            byUser.computeIfAbsent(row.scope().key(), k -> new ArrayList<>()).add(row);
        }
        List<ClientTurnaround> clients = byUser.entrySet().stream()
                .map(e -> new ClientTurnaround(UserId.of(e.getKey()), DurationStats.of(e.getValue())))
                .filter(c -> c.turnaround().count() > 0)
                .sorted(Comparator.comparingLong((ClientTurnaround c) -> c.turnaround().count()).reversed()
                        .thenComparing(c -> c.userId().value()))
                .toList();
        return new ClientTurnaroundReport(actor.tenantId(), from, today, clients);
    }

    // ------------------------------------------------------------------------------------------ internals

    private InsightReport report(TenantId tenant, InsightScope scope, Optional<WorkspaceId> workspaceId, int weeks,
                                 Optional<OnboardingFacts> facts) {
        LocalDate today = today();
        LocalDate from = firstMonday(today, weeks);
        List<DailyRollup> rows = store.rollups(tenant, scope, REPORT_METRICS, from, today);
        List<WeekPoint> points = new ArrayList<>(weeks);
        for (int w = 0; w < weeks; w++) {
            LocalDate start = from.plusWeeks(w);
            LocalDate end = start.plusDays(6);
            List<DailyRollup> week = rows.stream()
                    .filter(r -> !r.day().isBefore(start) && !r.day().isAfter(end)).toList();
            long overdue = total(week, InsightMetric.ITEMS_OVERDUE);
            long onTime = total(week, InsightMetric.ITEMS_ON_TIME);
            Optional<Double> rate = overdue + onTime == 0 ? Optional.empty()
                    : Optional.of((double) overdue / (overdue + onTime));
            points.add(new WeekPoint(start, !end.isBefore(today), total(week, InsightMetric.WEEKLY_ACTIVE_CLIENTS),
                    stats(week, InsightMetric.APPROVAL_TURNAROUND), stats(week, InsightMetric.REQUEST_FIRST_RESPONSE),
                    stats(week, InsightMetric.REQUEST_RESOLUTION), overdue, onTime, rate));
        }
        OnboardingSummary onboardingSummary = new OnboardingSummary(stats(rows, InsightMetric.TIME_TO_CHECKLIST),
                stats(rows, InsightMetric.TIME_TO_FIRST_DELIVERY));
        return new InsightReport(tenant, workspaceId, from, today, points, onboardingSummary, facts);
    }

    private static long total(List<DailyRollup> rows, InsightMetric metric) {
        return rows.stream().filter(r -> r.metric() == metric).mapToLong(DailyRollup::count).sum();
    }

    private static DurationStats stats(List<DailyRollup> rows, InsightMetric metric) {
        return DurationStats.of(rows.stream().filter(r -> r.metric() == metric).toList());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(kernel.now(), ZoneOffset.UTC);
    }

    /** The Monday starting the first of {@code weeks} ISO weeks that end with the one holding {@code today}. */
    static LocalDate firstMonday(LocalDate today, int weeks) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
    }

    private static void checkWeeks(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new ValidationException(FieldError.of("weeks", "must be between 1 and " + MAX_WEEKS));
        }
    }

    private void requireTenantReader(Actor actor, String action) {
        Optional<TenantRole> role = actor.isTeam() ? authorizer.tenantRole(actor) : Optional.empty();
        if (role.filter(r -> r == TenantRole.TENANT_ADMIN || r == TenantRole.ACCOUNT_MANAGER).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN + " or " + TenantRole.ACCOUNT_MANAGER, action);
        }
    }

    private record VisitKey(TenantId tenantId, WorkspaceId workspaceId, UserId userId, LocalDate day) {
    }
}
