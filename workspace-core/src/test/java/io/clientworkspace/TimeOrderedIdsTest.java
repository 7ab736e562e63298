package io.clientworkspace;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IdGenerator#timeOrdered}: ids sort in creation order, also within one millisecond. */
class TimeOrderedIdsTest {

    @Test
    void idsCreatedInTheSameMillisecondStillSortInCreationOrder() {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            created.add(ids.newId());
        }

        assertThat(created).isSorted().doesNotHaveDuplicates();
        assertThat(created).allSatisfy(id -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7));
    }

    @Test
    void aLaterMillisecondSortsAfterAnEarlierOne() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        IdGenerator early = IdGenerator.timeOrdered(Clock.fixed(start, ZoneOffset.UTC));
        IdGenerator late = IdGenerator.timeOrdered(Clock.fixed(start.plusMillis(1), ZoneOffset.UTC));

        assertThat(late.newId()).isGreaterThan(early.newId());
    }
}
