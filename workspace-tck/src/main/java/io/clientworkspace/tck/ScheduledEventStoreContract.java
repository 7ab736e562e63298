package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.spi.ScheduledEventStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ScheduledEventStore}: events kept exactly, scoped by tenant and workspace, optimistic
 * versions, and the range list (overlap of a half-open interval, start-then-id order, keyset positions, the
 * visibility filter in the query so pages are full). Extend it and implement {@link #createStores()}.
 */
public abstract class ScheduledEventStoreContract extends StoreContractSupport {

    /** Calendar records with the counters of {@link #data}. */
    protected final CalendarTestData calendarData = new CalendarTestData(data);

    private static final Instant NINE = Instant.parse("2031-05-05T09:00:00Z");

    private ScheduledEventStore events() {
        return stores().require(ScheduledEventStore.class);
    }

    private ScheduledEvent stored(ScheduledEvent event) {
        return inUnitOfWork(() -> events().insert(event));
    }

    private List<ScheduledEvent> list(Workspace w, Instant from, Instant to, boolean internal) {
        return events().list(w.tenantId(), w.id(), from, to, internal, Optional.empty(), 1001);
    }

    @Test
    void aStoredEventIsFoundOnlyInItsTenantAndWorkspace() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ScheduledEvent event = stored(calendarData.event(workspace, NINE, Duration.ofHours(1)));

        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).contains(event);
        assertThat(events().find(other.tenantId(), workspace.id(), event.id())).isEmpty();
        assertThat(events().find(workspace.tenantId(), other.id(), event.id())).isEmpty();
        assertThat(list(other, NINE.minusSeconds(3600), NINE.plusSeconds(7200), true)).isEmpty();
    }

    @Test
    void insertStoresVersionZeroAndRefusesATakenId() {
        Workspace workspace = storedWorkspace();
        ScheduledEvent event = calendarData.event(workspace, NINE, Duration.ofHours(1));
        ScheduledEvent atVersionFive = new ScheduledEvent(event.id(), event.tenantId(), event.workspaceId(), event.kind(),
                event.title(), event.description(), event.location(), event.start(), event.end(), event.visibility(),
                false, event.createdBy(), event.createdAt(), event.updatedAt(), 5);

        assertThat(stored(atVersionFive).version()).isZero();
        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> stored(event));
    }

    @Test
    void everyFieldIsKeptExactly() {
        Workspace workspace = storedWorkspace();
        Instant created = Instant.parse("2031-05-01T10:11:12.123456Z");
        ScheduledEvent event = new ScheduledEvent(calendarData.eventId(), workspace.tenantId(), workspace.id(),
                EventKind.REVIEW, " Ré\u00A0view; 日本 \uD83D\uDE00 ", "line 1\nline 2\t\"x\"\n" + "d".repeat(4980),
                Optional.of("Room 4, \\\\ share"), NINE, NINE.plus(Duration.ofDays(31)), Visibility.TEAM, true,
                data.userId(), created, created.plusNanos(1000), 0);

        stored(event);

        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).contains(event);
    }

    @Test
    void updateStoresTheNextVersionAndRefusesAStaleOrUnknownOne() {
        Workspace workspace = storedWorkspace();
        ScheduledEvent event = stored(calendarData.event(workspace, NINE, Duration.ofHours(1)));
        ScheduledEvent renamed = new ScheduledEvent(event.id(), event.tenantId(), event.workspaceId(), event.kind(),
                "Renamed", event.description(), event.location(), event.start(), event.end(), event.visibility(), true,
                event.createdBy(), event.createdAt(), event.updatedAt().plusSeconds(1), 0);

        ScheduledEvent updated = inUnitOfWork(() -> events().update(renamed));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.title()).isEqualTo("Renamed");
        assertThat(updated.cancelled()).isTrue();
        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).contains(updated);
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> events().update(renamed)));
        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> events().update(
                calendarData.event(workspace, NINE, Duration.ofHours(1)))));
        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).contains(updated);
    }

    @Test
    void anUpdateUnderAnotherWorkspaceChangesNothing() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ScheduledEvent event = stored(calendarData.event(workspace, NINE, Duration.ofHours(1)));
        ScheduledEvent moved = new ScheduledEvent(event.id(), other.tenantId(), other.id(), event.kind(), "Stolen",
                "", Optional.empty(), event.start(), event.end(), event.visibility(), false, event.createdBy(),
                event.createdAt(), event.updatedAt(), 0);

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> inUnitOfWork(() -> events().update(moved)));
        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).contains(event);
    }

    @Test
    void listReturnsTheEventsOverlappingTheHalfOpenRangeByStartThenId() {
        Workspace workspace = storedWorkspace();
        ScheduledEvent endsAtFrom = stored(calendarData.event(workspace, NINE.minusSeconds(3600), Duration.ofHours(1)));
        ScheduledEvent startsBefore = stored(calendarData.event(workspace, NINE.minusSeconds(60), Duration.ofHours(1)));
        ScheduledEvent later = stored(calendarData.event(workspace, NINE.plusSeconds(1800), Duration.ofMinutes(5)));
        ScheduledEvent first = stored(calendarData.event(workspace, NINE, Duration.ofHours(5)));
        ScheduledEvent startsAtTo = stored(calendarData.event(workspace, NINE.plusSeconds(7200), Duration.ofHours(1)));
        ScheduledEvent spanning = stored(calendarData.event(workspace, NINE.minus(Duration.ofDays(2)), Duration.ofDays(5)));

        List<ScheduledEvent> found = list(workspace, NINE, NINE.plusSeconds(7200), true);

        assertThat(found).containsExactly(spanning, startsBefore, first, later);
        assertThat(found).doesNotContain(endsAtFrom, startsAtTo);
    }

    @Test
    void eventsWithTheSameStartAreOrderedById() {
        Workspace workspace = storedWorkspace();
        List<ScheduledEvent> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(calendarData.event(workspace, NINE, Duration.ofHours(i + 1L)));
        }
        List<ScheduledEvent> reversed = new ArrayList<>(made);
        java.util.Collections.reverse(reversed);
        reversed.forEach(this::stored);

        assertThat(list(workspace, NINE, NINE.plusSeconds(60), true)).extracting(ScheduledEvent::id)
                .containsExactlyElementsOf(made.stream().map(ScheduledEvent::id).toList());
    }

    @Test
    void listLeavesOutTeamOnlyEventsInTheQuerySoPagesAreFull() {
        Workspace workspace = storedWorkspace();
        List<ScheduledEvent> visible = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stored(calendarData.event(workspace, NINE.plusSeconds(i * 60L), Duration.ofMinutes(1), Visibility.TEAM));
            visible.add(stored(calendarData.event(workspace, NINE.plusSeconds(i * 60L + 30), Duration.ofMinutes(1))));
        }

        List<ScheduledEvent> page = events().list(workspace.tenantId(), workspace.id(), NINE, NINE.plusSeconds(3600),
                false, Optional.empty(), 3);

        assertThat(page).containsExactlyElementsOf(visible.subList(0, 3));
        assertThat(list(workspace, NINE, NINE.plusSeconds(3600), true)).hasSize(12);
    }

    @Test
    void listContinuesStrictlyAfterThePositionWithoutDuplicatesOrGaps() {
        Workspace workspace = storedWorkspace();
        List<ScheduledEvent> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(stored(calendarData.event(workspace, NINE.plusSeconds((i % 4) * 60L), Duration.ofMinutes(1))));
        }
        List<ScheduledEvent> expected = list(workspace, NINE, NINE.plusSeconds(3600), true);

        List<ScheduledEvent> paged = new ArrayList<>();
        Optional<ScheduledEventStore.Position> after = Optional.empty();
        while (true) {
            List<ScheduledEvent> page = events().list(workspace.tenantId(), workspace.id(), NINE, NINE.plusSeconds(3600),
                    true, after, 4);
            paged.addAll(page);
            if (page.size() < 4) {
                break;
            }
            ScheduledEvent last = page.get(page.size() - 1);
            after = Optional.of(new ScheduledEventStore.Position(last.start(), last.id()));
        }

        assertThat(paged).containsExactlyElementsOf(expected).hasSize(25).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void cancelledEventsAreStillListed() {
        Workspace workspace = storedWorkspace();
        ScheduledEvent event = stored(calendarData.event(workspace, NINE, Duration.ofHours(1)));
        ScheduledEvent cancelled = inUnitOfWork(() -> events().update(new ScheduledEvent(event.id(), event.tenantId(),
                event.workspaceId(), event.kind(), event.title(), "", Optional.empty(), event.start(), event.end(),
                event.visibility(), true, event.createdBy(), event.createdAt(), event.updatedAt(), 0)));

        assertThat(list(workspace, NINE, NINE.plusSeconds(60), false)).containsExactly(cancelled);
    }

    @Test
    void anInsertRolledBackWithItsUnitOfWorkLeavesNoEvent() {
        Workspace workspace = storedWorkspace();
        ScheduledEvent event = calendarData.event(workspace, NINE, Duration.ofHours(1));

        try {
            runInUnitOfWork(() -> {
                events().insert(event);
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(events().find(workspace.tenantId(), workspace.id(), event.id())).isEmpty();
        assertThat(list(workspace, NINE, NINE.plusSeconds(60), true)).isEmpty();
    }
}
