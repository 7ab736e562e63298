package io.clientworkspace.insight;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationHistogramTest {

    private static List<Long> histogramOf(long... seconds) {
        List<Long> buckets = new ArrayList<>(DurationHistogram.empty());
        for (long s : seconds) {
            int b = DurationHistogram.bucketOf(s);
            buckets.set(b, buckets.get(b) + 1);
        }
        return buckets;
    }

    @Test
    void aSampleOnABoundBelongsToTheBucketItCloses() {
        assertThat(DurationHistogram.bucketOf(60)).isZero();
        assertThat(DurationHistogram.bucketOf(61)).isEqualTo(1);
        assertThat(DurationHistogram.bucketOf(0)).isZero();
        assertThat(DurationHistogram.bucketOf(-10)).isZero();
    }

    @Test
    void samplesAboveNinetyDaysFallIntoTheOverflowBucket() {
        assertThat(DurationHistogram.bucketOf(Duration.ofDays(90).toSeconds())).isEqualTo(DurationHistogram.BUCKETS - 2);
        assertThat(DurationHistogram.bucketOf(Duration.ofDays(91).toSeconds())).isEqualTo(DurationHistogram.BUCKETS - 1);
        assertThat(DurationHistogram.quantile(histogramOf(Duration.ofDays(400).toSeconds()), 0.5))
                .contains(Duration.ofDays(90));
    }

    @Test
    void anEmptyHistogramHasNoQuantile() {
        assertThat(DurationHistogram.quantile(DurationHistogram.empty(), 0.5)).isEmpty();
    }

    @Test
    void aQuantileIsInterpolatedLinearlyWithinItsBucket() {
        // four samples between 1 h and 2 h: the median is at half of the bucket, the p90 at nine tenths
        List<Long> h = histogramOf(4_000, 4_000, 5_000, 7_000);

        assertThat(DurationHistogram.quantile(h, 0.5)).contains(Duration.ofSeconds(5_400));
        assertThat(DurationHistogram.quantile(h, 0.9)).contains(Duration.ofSeconds(6_840));
    }

    @Test
    void theMedianLiesInTheBucketOfTheMiddleSample() {
        List<Long> h = histogramOf(30, 3 * 3_600, 3 * 3_600, 3 * 3_600, 30 * 86_400);

        assertThat(DurationHistogram.quantile(h, 0.5)).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofHours(2), Duration.ofHours(4)));
    }

    @Test
    void mergingAddsBucketByBucket() {
        List<Long> merged = DurationHistogram.merge(List.of(histogramOf(30), histogramOf(30, 90), List.of()));

        assertThat(merged.get(0)).isEqualTo(2);
        assertThat(merged.get(1)).isEqualTo(1);
        assertThat(merged.stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    @Test
    void aQuantileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DurationHistogram.quantile(histogramOf(30), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationHistogram.quantile(histogramOf(30), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
