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
                if (i >= UPPER_BOUNDS.size()) {
                    return Optional.of(Duration.ofSeconds(UPPER_BOUNDS.get(UPPER_BOUNDS.size() - 1)));
                }
                long lower = i == 0 ? 0 : UPPER_BOUNDS.get(i - 1);
                long upper = UPPER_BOUNDS.get(i);
                double fraction = (rank - before) / inBucket;
                return Optional.of(Duration.ofSeconds(Math.round(lower + fraction * (upper - lower))));
            }
            before += inBucket;
        }
        return Optional.of(Duration.ofSeconds(UPPER_BOUNDS.get(UPPER_BOUNDS.size() - 1)));
    }
}
