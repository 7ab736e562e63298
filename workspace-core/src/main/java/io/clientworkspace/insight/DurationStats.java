package io.clientworkspace.insight;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Summary of duration samples: exact count and mean, median and p90 interpolated from the
 * {@link DurationHistogram} and kept within the exact smallest and largest sample (all three empty when there is no
 * sample).
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

    /**
     * The stats of merged rows of one duration metric: counts, sums and buckets are added, and the rows' exact
     * smallest and largest samples merged (the least {@code min}, the greatest {@code max}); median and p90 are then
     * interpolated within that observed range ({@link DurationHistogram#quantile(List, double, Duration, Duration)}),
     * so they never lie outside it. If a row holding samples has no kept bounds, the quantiles are not clamped.
     */
    public static DurationStats of(List<DailyRollup> rows) {
        requireNonNull(rows, "rows must not be null");
        long count = rows.stream().mapToLong(DailyRollup::count).sum();
        if (count == 0) {
            return none();
        }
        long sum = rows.stream().mapToLong(DailyRollup::sum).sum();
        List<Long> merged = DurationHistogram.merge(rows.stream().map(DailyRollup::buckets).toList());
        Optional<Duration> mean = Optional.of(Duration.ofSeconds(Math.round((double) sum / count)));
        List<DailyRollup> sampled = rows.stream().filter(r -> r.count() > 0).toList();
        if (sampled.stream().allMatch(r -> r.min().isPresent() && r.max().isPresent())) {
            Duration min = sampled.stream().map(r -> r.min().orElseThrow()).min(Duration::compareTo).orElseThrow();
            Duration max = sampled.stream().map(r -> r.max().orElseThrow()).max(Duration::compareTo).orElseThrow();
            return new DurationStats(count, mean, DurationHistogram.quantile(merged, 0.5, min, max),
                    DurationHistogram.quantile(merged, 0.9, min, max));
        }
        return new DurationStats(count, mean, DurationHistogram.quantile(merged, 0.5),
                DurationHistogram.quantile(merged, 0.9));
    }
}
