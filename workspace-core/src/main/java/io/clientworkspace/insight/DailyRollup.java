package io.clientworkspace.insight;

import io.clientworkspace.TenantId;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One day's figures of one metric in one scope.
 *
 * @param day     the UTC day
 * @param count   occurrences (samples for duration metrics), at least 0
 * @param sum     sum of the samples in seconds (0 for count metrics)
 * @param buckets for duration metrics, the samples per {@link DurationHistogram} bucket
 *                ({@link DurationHistogram#BUCKETS} entries); empty for count metrics
 */
public record DailyRollup(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long count,
                          long sum, List<Long> buckets) {

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
    }
}
