package io.clientworkspace.internal;

import io.clientworkspace.IdGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedIdsTest {

    private static final String LATEST = "0190a6b2-3c4d-7abc-8123-456789abcdef";

    /** A random generator whose every long is {@code value}. */
    private static RandomGenerator constant(long value) {
        return () -> value;
    }

    @Test
    void aFreshIdGreaterThanTheLatestIsKept() {
        assertThat(OrderedIds.above(Optional.of(LATEST), "0190a6b2-3c4e-7000-8000-000000000000"))
                .isEqualTo("0190a6b2-3c4e-7000-8000-000000000000");
    }

    @Test
    void withoutALatestIdTheFreshOneIsKept() {
        assertThat(OrderedIds.above(Optional.empty(), "anything")).isEqualTo("anything");
    }

    @Test
    void aFreshIdNotGreaterGetsTheLatestPlusARandomStepInTheSameLayout() {
        String derived = OrderedIds.above(Optional.of(LATEST), "0190a6b2-0000-7000-8000-000000000000", constant(4L << 32));

        assertThat(derived).isEqualTo("0190a6b2-3c4d-7abc-8123-456789abcdf4");
        assertThat(UUID.fromString(derived).version()).isEqualTo(7);
        assertThat(UUID.fromString(derived).variant()).isEqualTo(2);
    }

    @Test
    void theSmallestStepIsOneAndTheLargestTwoToTheThirtySecond() {
        UUID latest = UUID.fromString(LATEST);
        long smallest = UUID.fromString(OrderedIds.above(Optional.of(LATEST), LATEST, constant(0L)))
                .getLeastSignificantBits() - latest.getLeastSignificantBits();
        long largest = UUID.fromString(OrderedIds.above(Optional.of(LATEST), LATEST, constant(-1L)))
                .getLeastSignificantBits() - latest.getLeastSignificantBits();

        assertThat(smallest).isEqualTo(1L);
        assertThat(largest).isEqualTo(1L << 32);
    }

    @Test
    void anOverflowOfTheRandomBitsCarriesIntoTheMillisecond() {
        String top = "0190a6b2-3c4d-7fff-bfff-ffffffffffff";

        String derived = OrderedIds.above(Optional.of(top), "0000", constant(0L));

        assertThat(derived).isEqualTo("0190a6b2-3c4e-7000-8000-000000000000");
        assertThat(derived.compareTo(top)).isPositive();
    }

    @Test
    void anIdOfAnotherLayoutGetsTheFreshIdAppended() {
        assertThat(OrderedIds.above(Optional.of("msg-9"), "msg-1")).isEqualTo("msg-9.msg-1");
    }

    @Test
    void anAppendedIdThatWouldBeTooLongFallsBackToTheFreshId() {
        assertThat(OrderedIds.above(Optional.of("z".repeat(100)), "a".repeat(40))).isEqualTo("a".repeat(40));
    }

    @Test
    void idsDerivedFromAGeneratorRunningBehindStayStrictlyIncreasing() {
        IdGenerator ahead = IdGenerator.timeOrdered(Clock.fixed(Instant.parse("2031-03-01T09:00:00.005Z"), ZoneOffset.UTC));
        IdGenerator behind = IdGenerator.timeOrdered(Clock.fixed(Instant.parse("2031-03-01T09:00:00Z"), ZoneOffset.UTC));
        Random random = new Random(13);
        String latest = ahead.newId();

        for (int i = 0; i < 1_000; i++) {
            String next = OrderedIds.above(Optional.of(latest), (i % 2 == 0 ? behind : ahead).newId(), random);
            assertThat(next).isGreaterThan(latest);
            latest = next;
        }
    }
}
