package io.clientworkspace.spring;

import io.clientworkspace.TenantId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.SummaryFilter;
import io.clientworkspace.dashboard.SummaryPosition;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.insight.DurationStats;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.WorkspaceEvent;
import io.clientworkspace.workspace.WorkspaceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * Per-tenant Micrometer gauges of the operator console, each tagged {@code tenant=<tenant id>} (one time series per
 * tenant and gauge: the tag's cardinality is the number of tenants):
 * <ul>
 *   <li>{@value #WEEKLY_ACTIVE_CLIENTS}: distinct client users who visited any of the tenant's workspaces in the
 *       current ISO week (Monday, UTC) so far;</li>
 *   <li>{@value #TURNAROUND_MEDIAN} and {@value #TURNAROUND_P90}: approval turnaround (request to decision) of the
 *       approvals decided in the last 12 ISO weeks, the current one included, in seconds (interpolated within the
 *       insights' fixed histogram buckets); NaN while there is none;</li>
 *   <li>{@value #NEEDS_ATTENTION}: active workspaces that need attention under the dashboard's default thresholds
 *       (pending approval older than 3 days, overdue items, client inactive for 14 days, at risk, overdue invoice).</li>
 * </ul>
 * Prometheus shows them as {@code client_workspace_insights_weekly_active_clients} and so on (the kit's metrics are all
 * named {@code client.workspace.*}).
 * Values are computed lazily, when a registry reads a gauge, from the insights' daily rollups (at most 84 rows per
 * figure) and the dashboard's read model (pages of 500 rows), and reused for {@code client-workspace.insights.gauge-refresh}
 * (at most 5 minutes). A figure whose feature the store set lacks is NaN. Gauges are registered at start for every
 * tenant and later for a tenant when one of its workspaces is created on this node.
 */
public final class InsightGauges implements MeterBinder, DomainEventListener, SmartInitializingSingleton {

    /** Distinct client users this ISO week. */
    public static final String WEEKLY_ACTIVE_CLIENTS = "client.workspace.insights.weekly_active_clients";
    /** Median approval turnaround over 12 weeks, seconds. */
    public static final String TURNAROUND_MEDIAN = "client.workspace.insights.approval_turnaround.median.seconds";
    /** p90 approval turnaround over 12 weeks, seconds. */
    public static final String TURNAROUND_P90 = "client.workspace.insights.approval_turnaround.p90.seconds";
    /** Active workspaces needing attention. */
    public static final String NEEDS_ATTENTION = "client.workspace.dashboard.needs_attention";

    /** The longest a value is reused. */
    public static final Duration MAX_REFRESH = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(InsightGauges.class);
    private static final int PAGE = 500;
    private static final int TURNAROUND_WEEKS = 12;

    private final Stores stores;
    private final Clock clock;
    private final long refreshNanos;
    private final LongSupplier ticker;
    private final Set<TenantId> registered = ConcurrentHashMap.newKeySet();
    private final Map<TenantId, Figures> cache = new ConcurrentHashMap<>();
    private volatile @Nullable MeterRegistry registry;
    private volatile boolean started;

    /**
     * @param clock   the kit's clock ("today" is its UTC date)
     * @param refresh how long a computed value is reused; capped at {@link #MAX_REFRESH}, zero or negative: never
     */
    public InsightGauges(Stores stores, Clock clock, Duration refresh) {
        this(stores, clock, refresh, System::nanoTime);
    }

    InsightGauges(Stores stores, Clock clock, Duration refresh, LongSupplier ticker) {
        this.stores = requireNonNull(stores, "stores must not be null");
        this.clock = requireNonNull(clock, "clock must not be null");
        requireNonNull(refresh, "refresh must not be null");
        Duration capped = refresh.compareTo(MAX_REFRESH) > 0 ? MAX_REFRESH : refresh.isNegative() ? Duration.ZERO : refresh;
        this.refreshNanos = capped.toNanos();
        this.ticker = requireNonNull(ticker, "ticker must not be null");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry must not be null");
        if (started) {
            discover();
        }
    }

    /** Once every singleton exists (the schema migrated), the gauges of the existing tenants are registered. */
    @Override
    public void afterSingletonsInstantiated() {
        started = true;
        if (registry != null) {
            discover();
        }
    }

    /** Registers the gauges of every tenant of the store. */
    void discover() {
        try {
            Optional<TenantId> after = Optional.empty();
            while (true) {
                Optional<TenantId> from = after;
                List<Tenant> page = stores.unitOfWork().execute(() -> stores.tenants().list(from, PAGE));
                page.forEach(t -> register(t.id()));
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the tenants for the insight gauges; they are registered as workspaces are created", e);
        }
    }

    /** Registers the gauges of a tenant when one of its workspaces is created. */
    @Override
    public void onEvent(DomainEvent event) {
        if (event instanceof WorkspaceEvent.WorkspaceCreated) {
            register(event.tenantId());
        }
    }

    /** The tenants whose gauges are registered. */
    Set<TenantId> tenants() {
        return Set.copyOf(registered);
    }

    private void register(TenantId tenant) {
        MeterRegistry target = registry;
        if (target == null || !registered.add(tenant)) {
            return;
        }
        gauge(target, tenant, WEEKLY_ACTIVE_CLIENTS, "Distinct client users who visited this ISO week so far",
                Figures::weeklyActiveClients);
        gauge(target, tenant, TURNAROUND_MEDIAN, "Median approval turnaround over the last 12 ISO weeks, in seconds",
                Figures::turnaroundMedian);
        gauge(target, tenant, TURNAROUND_P90, "90th percentile approval turnaround over the last 12 ISO weeks, in seconds",
                Figures::turnaroundP90);
        gauge(target, tenant, NEEDS_ATTENTION, "Active workspaces needing attention under the default thresholds",
                Figures::needsAttention);
    }

    private void gauge(MeterRegistry target, TenantId tenant, String name, String description,
                       ToDoubleFunction<Figures> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.figures(tenant)))
                .description(description).tag("tenant", tenant.value()).strongReference(true).register(target);
    }

    /** The tenant's figures, computed at most once per refresh interval. */
    Figures figures(TenantId tenant) {
        long now = ticker.getAsLong();
        Figures cached = cache.get(tenant);
        if (cached != null && now - cached.computedAt() < refreshNanos) {
            return cached;
        }
        synchronized (cache) {
            cached = cache.get(tenant);
            if (cached != null && now - cached.computedAt() < refreshNanos) {
                return cached;
            }
            Figures fresh;
            try {
                fresh = compute(tenant, now);
            } catch (RuntimeException e) {
                log.warn("Could not compute the insight gauges of tenant {}", tenant.value(), e);
                fresh = new Figures(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            cache.put(tenant, fresh);
            return fresh;
        }
    }

    private Figures compute(TenantId tenant, long computedAt) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Optional<InsightStore> insights = stores.find(InsightStore.class);
        Optional<DashboardStore> dashboard = stores.find(DashboardStore.class);
        return stores.unitOfWork().execute(() -> {
            double wau = Double.NaN;
            double median = Double.NaN;
            double p90 = Double.NaN;
            if (insights.isPresent()) {
                wau = insights.get().rollups(tenant, InsightScope.tenant(), Set.of(InsightMetric.WEEKLY_ACTIVE_CLIENTS),
                        monday, today).stream().mapToLong(r -> r.count()).sum();
                DurationStats turnaround = DurationStats.of(insights.get().rollups(tenant, InsightScope.tenant(),
                        Set.of(InsightMetric.APPROVAL_TURNAROUND), monday.minusWeeks(TURNAROUND_WEEKS - 1L), today));
                median = turnaround.median().map(d -> (double) d.toSeconds()).orElse(Double.NaN);
                p90 = turnaround.p90().map(d -> (double) d.toSeconds()).orElse(Double.NaN);
            }
            double attention = dashboard.isPresent() ? needsAttention(dashboard.get(), tenant, now) : Double.NaN;
            return new Figures(computedAt, wau, median, p90, attention);
        });
    }

    private static long needsAttention(DashboardStore store, TenantId tenant, Instant now) {
        SummaryFilter filter = new SummaryFilter(Optional.empty(), Optional.empty(), Optional.of(WorkspaceStatus.ACTIVE),
                Optional.empty(), Optional.of(new SummaryFilter.Attention(
                now.minus(Duration.ofDays(DashboardQuery.DEFAULT_PENDING_APPROVAL_DAYS)),
                now.minus(Duration.ofDays(DashboardQuery.DEFAULT_CLIENT_INACTIVE_DAYS)))));
        long count = 0;
        Optional<SummaryPosition> after = Optional.empty();
        while (true) {
            List<WorkspaceSummary> page = store.page(tenant, filter, DashboardSort.NAME, SortDirection.ASCENDING, after, PAGE);
            count += page.size();
            if (page.size() < PAGE) {
                return count;
            }
            after = Optional.of(SummaryPosition.of(page.get(page.size() - 1), DashboardSort.NAME));
        }
    }

    /** One tenant's computed figures; {@code computedAt} on the ticker's scale. */
    record Figures(long computedAt, double weeklyActiveClients, double turnaroundMedian, double turnaroundP90,
                   double needsAttention) {
    }
}
