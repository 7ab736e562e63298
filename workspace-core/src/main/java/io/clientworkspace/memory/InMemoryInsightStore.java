package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.DurationHistogram;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.InsightStore;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@link InsightStore} in memory. */
final class InMemoryInsightStore implements InsightStore {

    private record VisitKey(TenantId tenantId, InsightScope scope, UserId user) {
    }

    private record Visit(LocalDate day, Instant firstAt) {
    }

    private record RowKey(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric) {
    }

    private record OnTimeKey(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn) {
    }

    private final InMemoryTransactions tx;
    private final Set<OnTimeKey> onTime = new HashSet<>();
    private final Map<VisitKey, Visit> visits = new HashMap<>();
    private final Map<RowKey, DailyRollup> rows = new HashMap<>();

    InMemoryInsightStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public VisitMark markVisit(TenantId tenantId, InsightScope scope, UserId user, LocalDate day, Instant at) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(user, "user must not be null");
        requireNonNull(day, "day must not be null");
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            VisitKey key = new VisitKey(tenantId, scope, user);
            Visit current = visits.get(key);
            if (current != null && !day.isAfter(current.day())) {
                return new Undoable<>(VisitMark.REPEATED, () -> { });
            }
            boolean newWeek = current == null || monday(current.day()).isBefore(monday(day));
            visits.put(key, new Visit(day, at));
            return new Undoable<>(new VisitMark(true, newWeek), () -> {
                if (current == null) {
                    visits.remove(key);
                } else {
                    visits.put(key, current);
                }
            });
        });
    }

    @Override
    public boolean markOnTime(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(item, "item must not be null");
        requireNonNull(dueOn, "dueOn must not be null");
        return tx.write(() -> {
            OnTimeKey key = new OnTimeKey(tenantId, workspaceId, item, dueOn);
            if (!onTime.add(key)) {
                return new Undoable<>(false, () -> { });
            }
            return new Undoable<>(true, () -> onTime.remove(key));
        });
    }

    @Override
    public Optional<Instant> lastVisit(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        InsightScope scope = InsightScope.workspace(workspaceId);
        return tx.read(() -> visits.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId) && e.getKey().scope().equals(scope))
                .map(e -> e.getValue().firstAt())
                .max(Comparator.naturalOrder()));
    }

    @Override
    public void count(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta) {
        if (delta < 1) {
            throw new IllegalArgumentException("delta must be at least 1");
        }
        add(tenantId, scope, day, metric, delta, 0, -1);
    }

    @Override
    public void sample(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, Duration value) {
        requireNonNull(value, "value must not be null");
        if (!requireNonNull(metric, "metric must not be null").isDuration()) {
            throw new IllegalArgumentException(metric + " is not a duration metric");
        }
        long seconds = Math.max(0, value.toSeconds());
        add(tenantId, scope, day, metric, 1, seconds, DurationHistogram.bucketOf(seconds));
    }

    private void add(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta,
                     long seconds, int bucket) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(day, "day must not be null");
        requireNonNull(metric, "metric must not be null");
        tx.write(() -> {
            RowKey key = new RowKey(tenantId, scope, day, metric);
            DailyRollup current = rows.get(key);
            List<Long> buckets = current != null ? current.buckets()
                    : metric.isDuration() ? DurationHistogram.empty() : List.of();
            if (bucket >= 0) {
                List<Long> copy = new ArrayList<>(buckets);
                copy.set(bucket, copy.get(bucket) + 1);
                buckets = copy;
            }
            Optional<Duration> min = current == null ? Optional.empty() : current.min();
            Optional<Duration> max = current == null ? Optional.empty() : current.max();
            if (bucket >= 0) {
                Duration sample = Duration.ofSeconds(seconds);
                min = Optional.of(min.filter(m -> m.compareTo(sample) <= 0).orElse(sample));
                max = Optional.of(max.filter(m -> m.compareTo(sample) >= 0).orElse(sample));
            }
            rows.put(key, new DailyRollup(tenantId, scope, day, metric,
                    (current == null ? 0 : current.count()) + delta, (current == null ? 0 : current.sum()) + seconds,
                    buckets, min, max));
            return new Undoable<Void>(null, () -> {
                if (current == null) {
                    rows.remove(key);
                } else {
                    rows.put(key, current);
                }
            });
        });
    }

    @Override
    public List<DailyRollup> rollups(TenantId tenantId, InsightScope scope, Set<InsightMetric> metrics, LocalDate from,
                                     LocalDate to) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(metrics, "metrics must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx.read(() -> {
            List<DailyRollup> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                for (InsightMetric m : InsightMetric.values()) {
                    if (metrics.contains(m)) {
                        DailyRollup row = rows.get(new RowKey(tenantId, scope, d, m));
                        if (row != null) {
                            out.add(row);
                        }
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<DailyRollup> rollupsOfKind(TenantId tenantId, InsightScope.Kind kind, InsightMetric metric,
                                           LocalDate from, LocalDate to) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(metric, "metric must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx.read(() -> rows.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.scope().kind() == kind && r.metric() == metric
                        && !r.day().isBefore(from) && !r.day().isAfter(to))
                .sorted(Comparator.comparing((DailyRollup r) -> r.scope().key()).thenComparing(DailyRollup::day))
                .toList());
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
