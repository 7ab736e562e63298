package io.clientworkspace.insight;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Summary of duration samples: exact count and mean, median and p90 interpolated from the
 * {@link DurationHistogram} (all three empty when there is no sample).
 */
public record DurationStats(long count, Optional<Duration> mean, Optional<Duration> median, Optional<Duration> p90) {

    public DurationStats {
        requireNonNull(mean, "mean must not be null");
        requireNonNull(median, "median must not be null");
        requireNonNull(p90, "p90 must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    /** No samples. */
    public static DurationStats none() {
        return new DurationStats(0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The stats of merged rows of one duration metric. */
    public static DurationStats of(List<DailyRollup> rows) {
        requireNonNull(rows, "rows must not be null");
        long count = rows.stream().mapToLong(DailyRollup::count).sum();
        if (count == 0) {
            return none();
        }
        long sum = rows.stream().mapToLong(DailyRollup::sum).sum();
        List<Long> merged = DurationHistogram.merge(rows.stream().map(DailyRollup::buckets).toList());
        return new DurationStats(count, Optional.of(Duration.ofSeconds(Math.round((double) sum / count))),
                DurationHistogram.quantile(merged, 0.5), DurationHistogram.quantile(merged, 0.9));
    }
}
