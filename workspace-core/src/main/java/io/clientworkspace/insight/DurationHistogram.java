package io.clientworkspace.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The fixed histogram every duration metric is kept in. Bucket {@code i} holds samples {@code s} (whole seconds)
 * with {@code UPPER_BOUNDS[i-1] < s <= UPPER_BOUNDS[i]} (the first bucket from 0); the last bucket holds everything
 * above 90 days. Bounds, roughly log-spaced: 1, 2, 5, 10, 15, 30 minutes; 1, 2, 4, 8, 12 hours; 1, 1.5, 2, 3, 4, 5,
 * 7, 10, 14, 21, 30, 45, 60, 90 days. They never change: stored rows keep counts per bucket index.
 *
 * <p><b>Approximation</b>: a quantile is found by rank ({@code q × count}) in the merged buckets and interpolated
 * linearly inside its bucket, so it is exact to within its bucket's width (e.g. a median reported as 5 h 30 min lies
 * between 4 h and 8 h); a quantile in the overflow bucket is reported as 90 days. Counts and means are exact.
 *
 * <p><b>Observed range</b>: when the exact smallest and largest samples are known
 * ({@link #quantile(List, double, Duration, Duration)}, which the reports use), each bucket's bounds are first narrowed
 * to {@code [min, max]} and the interpolated value is clamped to it, so a quantile never lies outside the observed
 * range: a single sample reports exactly itself, samples that are all equal report exactly that value, and the
 * overflow bucket interpolates between 90 days and the largest sample.
 */
public final class DurationHistogram {

    /** Upper bounds of the buckets in seconds (the overflow bucket has none). */
    public static final List<Long> UPPER_BOUNDS = List.of(
            60L, 120L, 300L, 600L, 900L, 1_800L,
            3_600L, 7_200L, 14_400L, 28_800L, 43_200L,
            86_400L, 129_600L, 172_800L, 259_200L, 345_600L, 432_000L,
            604_800L, 864_000L, 1_209_600L, 1_814_400L, 2_592_000L, 3_888_000L, 5_184_000L, 7_776_000L);

    /** Number of buckets: one per upper bound plus the overflow bucket. */
    public static final int BUCKETS = UPPER_BOUNDS.size() + 1;

    private DurationHistogram() {
    }

    /** The bucket of a sample of {@code seconds} (negative samples count as 0). */
    public static int bucketOf(long seconds) {
        long s = Math.max(0, seconds);
        for (int i = 0; i < UPPER_BOUNDS.size(); i++) {
            if (s <= UPPER_BOUNDS.get(i)) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    /** An empty histogram: {@link #BUCKETS} zeros. */
    public static List<Long> empty() {
        return Collections.nCopies(BUCKETS, 0L);
    }

    /** Adds histograms bucket by bucket; empty lists count as zeros. */
    public static List<Long> merge(List<List<Long>> histograms) {
        requireNonNull(histograms, "histograms must not be null");
        long[] sums = new long[BUCKETS];
        for (List<Long> h : histograms) {
            for (int i = 0; i < h.size() && i < BUCKETS; i++) {
                sums[i] += h.get(i);
            }
        }
        List<Long> out = new ArrayList<>(BUCKETS);
        for (long s : sums) {
            out.add(s);
        }
        return List.copyOf(out);
    }

    /**
     * The {@code q}-quantile (0 &lt; q &le; 1) of the samples in {@code buckets}, interpolated within its bucket; empty
     * when the histogram holds no sample.
     */
    public static Optional<Duration> quantile(List<Long> buckets, double q) {
        requireNonNull(buckets, "buckets must not be null");
        return quantile(buckets, q, 0, Long.MAX_VALUE);
    }

    /**
     * The {@code q}-quantile (0 &lt; q &le; 1) of the samples in {@code buckets} whose exact smallest and largest
     * samples are {@code min} and {@code max}: found by rank like {@link #quantile(List, double)}, but interpolated
     * within the bucket's bounds narrowed to {@code [min, max]}, and never below {@code min} nor above {@code max}
     * (one sample, or all samples equal: exactly that value); empty when the histogram holds no sample.
     *
     * @throws IllegalArgumentException if {@code q} is outside (0, 1] or {@code min} is negative or above {@code max}
     */
    public static Optional<Duration> quantile(List<Long> buckets, double q, Duration min, Duration max) {
        requireNonNull(buckets, "buckets must not be null");
        requireNonNull(min, "min must not be null");
        requireNonNull(max, "max must not be null");
        if (min.isNegative() || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min must not be negative nor above max");
        }
        return quantile(buckets, q, min.toSeconds(), max.toSeconds());
    }

    private static Optional<Duration> quantile(List<Long> buckets, double q, long min, long max) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1]");
        }
        long total = buckets.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        double rank = q * total;
        long before = 0;
        for (int i = 0; i < buckets.size(); i++) {
            long inBucket = buckets.get(i);
            if (inBucket > 0 && before + inBucket >= rank) {
                long lower = clamp(i == 0 ? 0 : UPPER_BOUNDS.get(i - 1), min, max);
                // without a known maximum the overflow bucket reads 90 days, its lower bound
                long upper = clamp(i >= UPPER_BOUNDS.size() ? (max == Long.MAX_VALUE ? lower : max)
                        : UPPER_BOUNDS.get(i), min, max);
                double fraction = (rank - before) / inBucket;
                return Optional.of(Duration.ofSeconds(clamp(Math.round(lower + fraction * (upper - lower)), min, max)));
            }
            before += inBucket;
        }
        return Optional.of(Duration.ofSeconds(clamp(UPPER_BOUNDS.get(UPPER_BOUNDS.size() - 1), min, max)));
    }

    private static long clamp(long seconds, long min, long max) {
        return Math.max(min, Math.min(max, seconds));
    }
}
