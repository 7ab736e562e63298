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

    @Test
    void aSingleSampleReportsExactlyItselfWhenItsBoundsAreKnown() {
        Duration sample = Duration.ofDays(21);
        List<Long> h = histogramOf(sample.toSeconds());

        assertThat(DurationHistogram.quantile(h, 0.5, sample, sample)).contains(sample);
        assertThat(DurationHistogram.quantile(h, 0.9, sample, sample)).contains(sample);
    }

    @Test
    void samplesThatAreAllEqualReportExactlyTheirValue() {
        Duration sample = Duration.ofMinutes(90);
        List<Long> h = histogramOf(5_400, 5_400, 5_400);

        assertThat(DurationHistogram.quantile(h, 0.5, sample, sample)).contains(sample);
        assertThat(DurationHistogram.quantile(h, 0.9, sample, sample)).contains(sample);
    }

    @Test
    void aQuantileIsInterpolatedWithinTheBucketNarrowedToTheObservedRange() {
        // 10 and 21 days: the median sits on the smaller sample, the p90 at eight tenths of 14..21 days
        List<Long> h = histogramOf(Duration.ofDays(10).toSeconds(), Duration.ofDays(21).toSeconds());

        assertThat(DurationHistogram.quantile(h, 0.5, Duration.ofDays(10), Duration.ofDays(21)))
                .contains(Duration.ofDays(10));
        assertThat(DurationHistogram.quantile(h, 0.9, Duration.ofDays(10), Duration.ofDays(21)))
                .contains(Duration.ofDays(14).plusSeconds(483_840));
    }

    @Test
    void quantilesNeverLieOutsideTheObservedRange() {
        // 4,100 s and 4,200 s share the 1 h..2 h bucket, whose plain interpolation reads 5,400 s and 6,840 s
        List<Long> h = histogramOf(4_100, 4_200);
        Duration min = Duration.ofSeconds(4_100);
        Duration max = Duration.ofSeconds(4_200);

        for (double q : new double[]{0.01, 0.5, 0.9, 1}) {
            assertThat(DurationHistogram.quantile(h, q, min, max)).hasValueSatisfying(d ->
                    assertThat(d).isBetween(min, max));
        }
    }

    @Test
    void aQuantileInTheOverflowBucketIsInterpolatedUpToTheLargestSample() {
        List<Long> h = histogramOf(Duration.ofDays(400).toSeconds());

        assertThat(DurationHistogram.quantile(h, 0.5, Duration.ofDays(400), Duration.ofDays(400)))
                .contains(Duration.ofDays(400));
    }

    @Test
    void boundsBelowZeroOrCrossedAreRefused() {
        assertThatThrownBy(() -> DurationHistogram.quantile(histogramOf(30), 0.5, Duration.ofSeconds(-1),
                Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationHistogram.quantile(histogramOf(30), 0.5, Duration.ofSeconds(31),
                Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
    }
}
