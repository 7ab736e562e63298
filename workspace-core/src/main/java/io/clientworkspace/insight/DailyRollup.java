package io.clientworkspace.insight;

import io.clientworkspace.TenantId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One day's figures of one metric in one scope.
 *
 * @param day     the UTC day
 * @param count   occurrences (samples for duration metrics), at least 0
 * @param sum     sum of the samples in seconds (0 for count metrics)
 * @param buckets for duration metrics, the samples per {@link DurationHistogram} bucket
 *                ({@link DurationHistogram#BUCKETS} entries); empty for count metrics
 * @param min     for duration metrics, the exact smallest sample of the row (whole seconds); empty for count metrics
 *                and for rows whose bounds were not kept (then quantiles are not clamped, see
 *                {@link DurationStats#of})
 * @param max     the exact largest sample of the row; present exactly when {@code min} is, and not below it
 */
public record DailyRollup(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long count,
                          long sum, List<Long> buckets, Optional<Duration> min, Optional<Duration> max) {

    public DailyRollup {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(day, "day must not be null");
        requireNonNull(metric, "metric must not be null");
        buckets = List.copyOf(requireNonNull(buckets, "buckets must not be null"));
        if (count < 0 || sum < 0) {
            throw new IllegalArgumentException("count and sum must not be negative");
        }
        if (!buckets.isEmpty() && buckets.size() != DurationHistogram.BUCKETS) {
            throw new IllegalArgumentException("buckets must be empty or hold " + DurationHistogram.BUCKETS + " counts");
        }
        requireNonNull(min, "min must not be null");
        requireNonNull(max, "max must not be null");
        if (min.isPresent() != max.isPresent()) {
            throw new IllegalArgumentException("min and max must both be present or both be absent");
        }
        if (min.isPresent() && (min.get().isNegative() || min.get().compareTo(max.get()) > 0)) {
            throw new IllegalArgumentException("min must not be negative nor above max");
        }
    }

    /** A row without kept bounds (count metrics; {@code min} and {@code max} empty). */
    public DailyRollup(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long count,
                       long sum, List<Long> buckets) {
        this(tenantId, scope, day, metric, count, sum, buckets, Optional.empty(), Optional.empty());
    }
}
