package io.clientworkspace.insight;

import io.clientworkspace.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DurationStatsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

    private static DailyRollup row(LocalDate day, long... seconds) {
        List<Long> buckets = new ArrayList<>(DurationHistogram.empty());
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long s : seconds) {
            int b = DurationHistogram.bucketOf(s);
            buckets.set(b, buckets.get(b) + 1);
            sum += s;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return new DailyRollup(TenantId.of("t"), InsightScope.tenant(), day, InsightMetric.APPROVAL_TURNAROUND,
                seconds.length, sum, buckets, Optional.of(Duration.ofSeconds(min)), Optional.of(Duration.ofSeconds(max)));
    }

    @Test
    void aSingleSampleIsItsOwnMedianAndP90() {
        DurationStats stats = DurationStats.of(List.of(row(DAY, Duration.ofDays(21).toSeconds())));

        assertThat(stats.median()).contains(Duration.ofDays(21));
        assertThat(stats.p90()).contains(Duration.ofDays(21));
    }

    @Test
    void mergedRowsKeepTheirQuantilesWithinTheSmallestAndLargestSampleOfAllRows() {
        DurationStats stats = DurationStats.of(List.of(row(DAY, 4_100), row(DAY.plusDays(1), 4_200)));

        assertThat(stats.median()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofSeconds(4_100), Duration.ofSeconds(4_200)));
        assertThat(stats.p90()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofSeconds(4_100), Duration.ofSeconds(4_200)));
    }

    @Test
    void rowsWithoutKeptBoundsAreInterpolatedWithinTheirBucketOnly() {
        DailyRollup bounded = row(DAY, 4_100);
        DailyRollup unbounded = new DailyRollup(bounded.tenantId(), bounded.scope(), DAY.plusDays(1),
                bounded.metric(), 1, 4_100, bounded.buckets());

        assertThat(DurationStats.of(List.of(bounded, unbounded)).median()).contains(Duration.ofSeconds(5_400));
    }
}
