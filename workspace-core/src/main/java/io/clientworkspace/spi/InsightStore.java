package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the insights' daily rollups, the visit dedupe state and the on-time dedupe state, scoped by tenant in every call. Never a log:
 * per (scope, user) only the last visit day is kept, and per (scope, day, metric) one row of counts.
 *
 * <p>All writes are atomic increments or conditional updates, correct under concurrent calls from several nodes
 * (no read-modify-write of a row without a lock), and take part in the running unit of work.
 */
public interface InsightStore {

    /**
     * Records that {@code user} visited {@code scope} at {@code at} (on UTC day {@code day}): atomically moves the
     * stored last visit day of (tenant, scope, user) forward to {@code day} if it is before it (inserting it when
     * absent) and tells what was new. Of concurrent calls for the same (scope, user, day) exactly one gets
     * {@code firstOfDay}; a day that is not after the stored one changes nothing and gets
     * {@link VisitMark#REPEATED}. {@code firstOfWeek} is true when {@code firstOfDay} is and the previously stored
     * day lay in an earlier ISO week (or there was none). When the day is new, {@code at} is kept as the first
     * visit instant of that day (see {@link #lastVisit}).
     */
    VisitMark markVisit(TenantId tenantId, InsightScope scope, UserId user, LocalDate day, Instant at);

    /**
     * The first-visit instant of the latest day on which any client user visited the workspace (the greatest
     * instant kept by {@link #markVisit} for the workspace's scope), if any client ever visited it.
     */
    Optional<Instant> lastVisit(TenantId tenantId, WorkspaceId workspaceId);

    /**
     * Records that the item {@code item} of the workspace was completed (or delivered) on or before its due day
     * {@code dueOn}, and tells whether this is the first such record of that (workspace, item, due day): an atomic
     * insert-if-absent, so of concurrent calls for the same key exactly one gets {@code true}, and a later call (the
     * item reopened and completed again) gets {@code false}. Keeps one row per (tenant, workspace, item, due day).
     *
     * @param item the item, qualified by its kind: {@code task:<id>} or {@code milestone:<id>} (at most 160 chars)
     * @return whether this is the first on-time completion of the item for this due day
     */
    boolean markOnTime(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn);

    /**
     * Atomically adds {@code delta} (at least 1) to the count of the row (tenant, scope, day, metric), inserting the
     * row when absent; concurrent calls are never lost.
     */
    void count(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta);

    /**
     * Atomically adds one duration sample to the row (tenant, scope, day, metric) of a duration metric: count + 1,
     * sum + whole seconds (negative durations count as 0), and + 1 in the sample's
     * {@link io.clientworkspace.insight.DurationHistogram} bucket; inserting the row when absent; concurrent calls
     * are never lost.
     */
    void sample(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, Duration value);

    /**
     * The rows of one scope for the given metrics with {@code from <= day <= to}, in day then metric order; days
     * without a row are absent. Costs at most one row per (day, metric): a caller bounds the range.
     */
    List<DailyRollup> rollups(TenantId tenantId, InsightScope scope, Set<InsightMetric> metrics, LocalDate from,
                              LocalDate to);

    /**
     * The rows of one metric for every scope of {@code kind} (e.g. every client user) with {@code from <= day <= to},
     * ordered by scope key then day.
     */
    List<DailyRollup> rollupsOfKind(TenantId tenantId, InsightScope.Kind kind, InsightMetric metric, LocalDate from,
                                    LocalDate to);
}
