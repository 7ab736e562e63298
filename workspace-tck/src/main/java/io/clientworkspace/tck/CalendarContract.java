package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.Agenda;
import io.clientworkspace.calendar.AgendaEntry;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.calendar.CalendarService;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.IssuedFeedToken;
import io.clientworkspace.calendar.NewScheduledEvent;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.CalendarFeedTokenStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The workspace calendar through {@link WorkspaceKit#calendar()} on the stores under test: scheduling, changing
 * and cancelling events (every bad field at once, permissions, optimistic versions, archived workspaces), keyset
 * pages of a range, the agenda, the iCalendar feed (golden text, hostile titles folded and escaped as one line,
 * the window), feed tokens (hash only, at most three live, revocable, current permissions; unknown, tampered,
 * revoked, other tenants' tokens and removed members all answer alike) and non-interference: a client's pages,
 * agenda, feed and errors are the same whether or not team-only events exist. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class CalendarContract extends StoreContractSupport {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2031-04-01T09:00:00Z");

        synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }

    private static final Instant MONDAY = Instant.parse("2031-04-07T22:00:00Z");

    private HandClock clock;
    private WorkspaceKit kit;
    private Workspace ws;
    private Actor lead;
    private Actor client;
    private Actor viewer;

    @BeforeEach
    final void buildWorld() {
        clock = new HandClock();
        kit = kit(clock, new AtomicLong());
        String prefix = data.unique("c");
        var tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        lead = Actor.team(tenant, "lead" + prefix);
        ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme"));
        client = Actor.client(tenant, "client" + prefix);
        viewer = Actor.client(tenant, "viewer" + prefix);
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(lead, ws.id(), viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
    }

    private final AtomicLong kits = new AtomicLong();

    /** A kit on the stores under test whose ids ({@code cal<kit number><sequence>}) no other kit of the test shares. */
    private WorkspaceKit kit(Clock at, AtomicLong ids) {
        long kitNumber = kits.incrementAndGet();
        return WorkspaceKit.builder().stores(stores()).clock(at).cacheTicker(() -> 0L)
                .idGenerator(() -> String.format("cal%06d%09d", kitNumber, ids.incrementAndGet()))
                .userDirectory((t, u) -> true).build();
    }

    private static NewScheduledEvent upgrade(Instant start) {
        return NewScheduledEvent.of(EventKind.MAINTENANCE, "Database upgrade", start, start.plus(Duration.ofHours(2)));
    }

    private ScheduledEvent schedule(NewScheduledEvent event) {
        return kit.calendar().schedule(lead, ws.id(), event);
    }

    private String feed(Actor actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kit.calendar().feed(actor, ws.id(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String feedByToken(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kit.calendar().feedByToken(lead.tenantId(), token, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<ScheduledEvent> events(Actor actor) {
        return kit.calendar().events(actor, ws.id(), MONDAY.minus(Duration.ofDays(30)), MONDAY.plus(Duration.ofDays(30)),
                PageRequest.first(500)).items();
    }

    private static List<FieldError> fieldErrors(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).fieldErrors();
    }

    // ------------------------------------------------------------------------------------------ scheduling

    @Test
    void theTeamSchedulesAnEventEveryMemberSees() {
        ScheduledEvent event = schedule(upgrade(MONDAY).withDescription("Downtime\nup to 30 minutes").at("Hall 2"));

        assertThat(event.version()).isZero();
        assertThat(event.createdBy()).isEqualTo(lead.userId());
        assertThat(event.cancelled()).isFalse();
        assertThat(kit.calendar().get(client, ws.id(), event.id())).isEqualTo(event);
        assertThat(events(viewer)).containsExactly(event);
    }

    @Test
    void startAndEndAreKeptInWholeSeconds() {
        ScheduledEvent event = schedule(upgrade(MONDAY.plusMillis(999)));

        assertThat(event.start()).isEqualTo(MONDAY);
        assertThat(event.end()).isEqualTo(MONDAY.plus(Duration.ofHours(2)));
    }

    @Test
    void textIsKeptAsGivenNotTrimmed() {
        ScheduledEvent event = schedule(upgrade(MONDAY).titled("  Review  ").withDescription("\tindented\n"));

        assertThat(kit.calendar().get(lead, ws.id(), event.id()).title()).isEqualTo("  Review  ");
        assertThat(event.description()).isEqualTo("\tindented\n");
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsStored() {
        NewScheduledEvent bad = new NewScheduledEvent(EventKind.OTHER, " ", "bell\u0007", Optional.of("x".repeat(501)),
                MONDAY, MONDAY, Visibility.CLIENT);

        Throwable thrown = catchThrowable(() -> schedule(bad));

        assertThat(fieldErrors(thrown)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("title", "description", "location", "end");
        assertThat(events(lead)).isEmpty();
    }

    @Test
    void anEventLongerThanThirtyOneDaysIsRefused() {
        Throwable thrown = catchThrowable(() -> schedule(upgrade(MONDAY).between(MONDAY,
                MONDAY.plus(Duration.ofDays(31)).plusSeconds(1))));

        assertThat(fieldErrors(thrown)).extracting(FieldError::field).containsExactly("end");
        assertThat(schedule(upgrade(MONDAY).between(MONDAY, MONDAY.plus(Duration.ofDays(31)))).end())
                .isEqualTo(MONDAY.plus(Duration.ofDays(31)));
    }

    @Test
    void aTitleOfTwoHundredCharactersIsAcceptedAndOneMoreRefused() {
        assertThat(schedule(upgrade(MONDAY).titled("t".repeat(200))).title()).hasSize(200);
        assertThat(fieldErrors(catchThrowable(() -> schedule(upgrade(MONDAY).titled("t".repeat(201))))))
                .extracting(FieldError::field).containsExactly("title");
    }

    @Test
    void aClientCannotScheduleEvents() {
        assertThatThrownBy(() -> kit.calendar().schedule(client, ws.id(), upgrade(MONDAY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(events(lead)).isEmpty();
    }

    @Test
    void anArchivedWorkspaceRefusesChangesButItsCalendarStaysReadable() {
        ScheduledEvent event = schedule(upgrade(MONDAY));
        kit.workspaces().archive(lead, ws.id(), kit.workspaces().get(lead, ws.id()).version());

        assertThatThrownBy(() -> schedule(upgrade(MONDAY))).isInstanceOf(ArchivedException.class);
        assertThatThrownBy(() -> kit.calendar().cancel(lead, ws.id(), event.id(), 0)).isInstanceOf(ArchivedException.class);
        assertThatThrownBy(() -> kit.calendar().issueFeedToken(client, ws.id())).isInstanceOf(ArchivedException.class);
        assertThat(events(client)).containsExactly(event);
        assertThat(feed(client)).contains("SUMMARY:Database upgrade");
    }

    @Test
    void schedulingRecordsActivityWithoutDescriptionOrLocation() {
        ScheduledEvent event = schedule(upgrade(MONDAY).withDescription("secret plan").at("secret room"));

        List<ActivityEntry> entries = kit.activity().feed(client, ws.id(), PageRequest.first(50)).items();

        assertThat(entries).filteredOn(e -> e.action().equals("calendar.scheduled")).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo(event.id().value());
            assertThat(e.details()).containsEntry("title", "Database upgrade").doesNotContainValue("secret plan")
                    .doesNotContainValue("secret room");
        });
    }

    // ------------------------------------------------------------------------------------------ changing

    @Test
    void anUpdateReplacesTheFieldsAndBumpsTheVersion() {
        ScheduledEvent event = schedule(upgrade(MONDAY));

        ScheduledEvent moved = kit.calendar().update(lead, ws.id(), event.id(),
                upgrade(MONDAY.plus(Duration.ofDays(1))).titled("Moved"), 0);

        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.title()).isEqualTo("Moved");
        assertThat(moved.start()).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
        assertThat(moved.createdAt()).isEqualTo(event.createdAt());
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        ScheduledEvent event = schedule(upgrade(MONDAY));
        kit.calendar().update(lead, ws.id(), event.id(), upgrade(MONDAY).titled("First"), 0);

        assertConflict(io.clientworkspace.ConflictException.Reason.STALE_VERSION, () -> kit.calendar().update(lead,
                ws.id(), event.id(), upgrade(MONDAY).titled("Second"), 0));
        assertThat(kit.calendar().get(lead, ws.id(), event.id()).title()).isEqualTo("First");
    }

    @Test
    void aCancelledEventIsKeptAndCannotBeChanged() {
        ScheduledEvent event = schedule(upgrade(MONDAY));

        ScheduledEvent cancelled = kit.calendar().cancel(lead, ws.id(), event.id(), 0);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.version()).isEqualTo(1);
        assertThat(events(client)).containsExactly(cancelled);
        assertConflict(io.clientworkspace.ConflictException.Reason.INVALID_STATE, () -> kit.calendar().update(lead,
                ws.id(), event.id(), upgrade(MONDAY), 1));
    }

    @Test
    void cancellingTwiceChangesNothingTheSecondTime() {
        ScheduledEvent event = schedule(upgrade(MONDAY));
        ScheduledEvent cancelled = kit.calendar().cancel(lead, ws.id(), event.id(), 0);

        assertThat(kit.calendar().cancel(lead, ws.id(), event.id(), 0)).isEqualTo(cancelled);
        assertThat(kit.activity().feed(lead, ws.id(), PageRequest.first(50)).items())
                .filteredOn(e -> e.action().equals("calendar.cancelled")).hasSize(1);
    }

    @Test
    void makingAnEventTeamOnlyHidesItFromClients() {
        ScheduledEvent event = schedule(upgrade(MONDAY));

        kit.calendar().update(lead, ws.id(), event.id(), upgrade(MONDAY).internal(), 0);

        assertThat(events(client)).isEmpty();
        assertThat(kit.calendar().find(client, ws.id(), event.id())).isEmpty();
        assertThat(feed(client)).doesNotContain("Database upgrade");
    }

    // ------------------------------------------------------------------------------------------ visibility

    @Test
    void aTeamOnlyEventAnswersAClientLikeAnIdThatDoesNotExist() {
        ScheduledEvent internal = schedule(upgrade(MONDAY).internal());
        ScheduledEventId unknown = ScheduledEventId.of("no-such-event");

        Throwable hidden = catchThrowable(() -> kit.calendar().get(client, ws.id(), internal.id()));
        Throwable missing = catchThrowable(() -> kit.calendar().get(client, ws.id(), unknown));
        Throwable hiddenCancel = catchThrowable(() -> kit.calendar().cancel(client, ws.id(), internal.id(), 0));
        Throwable missingCancel = catchThrowable(() -> kit.calendar().cancel(client, ws.id(), unknown, 0));

        assertThat(hidden).isInstanceOf(NotFoundException.class)
                .hasMessage(String.valueOf(missing.getMessage()).replace("no-such-event", internal.id().value()));
        assertThat(hiddenCancel).isInstanceOf(AccessDeniedException.class).hasMessage(missingCancel.getMessage());
        assertThat(events(client)).isEmpty();
        assertThat(events(lead)).containsExactly(internal);
    }

    @Test
    void aCalendarOfAnotherWorkspaceIsNotFound() {
        Workspace other = kit.workspaces().create(lead, NewWorkspace.of("Globex", "globex"));
        ScheduledEvent event = kit.calendar().schedule(lead, other.id(), upgrade(MONDAY));

        assertThatThrownBy(() -> kit.calendar().get(client, other.id(), event.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.calendar().get(lead, ws.id(), event.id())).isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------ pages and agenda

    @Test
    void pagesOfARangeHaveNoDuplicatesAndNoGapsAcrossEqualStarts() {
        List<ScheduledEvent> all = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            all.add(schedule(upgrade(MONDAY.plus(Duration.ofHours(i % 5)))));
            if (i % 3 == 0) {
                schedule(upgrade(MONDAY.plus(Duration.ofHours(i % 5))).internal());
            }
        }

        List<ScheduledEvent> paged = new ArrayList<>();
        PageRequest request = PageRequest.first(5);
        while (true) {
            Page<ScheduledEvent> page = kit.calendar().events(client, ws.id(), MONDAY, MONDAY.plus(Duration.ofDays(1)),
                    request);
            paged.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            assertThat(page.items()).hasSize(5);
            request = PageRequest.after(page.nextCursor().get(), 5);
        }

        assertThat(paged).hasSize(37).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(paged).extracting(ScheduledEvent::start).isSorted();
    }

    @Test
    void aForgedCursorOrABadRangeIsAFieldError() {
        assertThat(fieldErrors(catchThrowable(() -> kit.calendar().events(client, ws.id(), MONDAY, MONDAY.plusSeconds(60),
                PageRequest.after("bm9wZQ", 5))))).extracting(FieldError::field).containsExactly("cursor");
        assertThat(fieldErrors(catchThrowable(() -> kit.calendar().events(client, ws.id(), MONDAY, MONDAY,
                PageRequest.first())))).extracting(FieldError::field).containsExactly("to");
        assertThat(fieldErrors(catchThrowable(() -> kit.calendar().events(client, ws.id(), MONDAY,
                MONDAY.plus(Duration.ofDays(501)), PageRequest.first())))).extracting(FieldError::field)
                .containsExactly("to");
    }

    @Test
    void theAgendaListsEventsByDayAndAnEventStartedBeforeTheRangeOnItsFirstDay() {
        ScheduledEvent longOne = schedule(upgrade(MONDAY).between(MONDAY.minus(Duration.ofDays(3)),
                MONDAY.plus(Duration.ofDays(1))));
        ScheduledEvent tuesday = schedule(upgrade(MONDAY.plus(Duration.ofHours(12))));
        schedule(upgrade(MONDAY.plus(Duration.ofHours(3))).internal());

        LocalDate from = LocalDate.of(2031, 4, 7);
        Agenda agenda = kit.calendar().agenda(client, ws.id(), from, from.plusDays(7));

        assertThat(agenda.truncated()).isFalse();
        assertThat(agenda.entries()).extracting(AgendaEntry::itemId)
                .containsExactly(longOne.id().value(), tuesday.id().value());
        assertThat(agenda.entries()).extracting(AgendaEntry::date).containsExactly(from, LocalDate.of(2031, 4, 8));
        assertThat(kit.calendar().agenda(lead, ws.id(), from, from.plusDays(7)).entries()).hasSize(3);
    }

    @Test
    void theAgendaIsBoundedAndSaysSo() {
        for (int i = 0; i < CalendarService.MAX_AGENDA_ENTRIES + 1; i++) {
            schedule(upgrade(MONDAY.plusSeconds(i)));
        }

        Agenda agenda = kit.calendar().agenda(client, ws.id(), LocalDate.of(2031, 4, 7), LocalDate.of(2031, 4, 9));

        assertThat(agenda.entries()).hasSize(CalendarService.MAX_AGENDA_ENTRIES);
        assertThat(agenda.truncated()).isTrue();
    }

    /** A project with one milestone and one task due on {@code due}, of the given visibility. */
    private void projectDueOn(LocalDate due, Visibility visibility, String suffix) {
        var project = kit.projects().create(lead, ws.id(), new io.clientworkspace.project.NewProject("Brand " + suffix,
                "", visibility, Optional.empty(), Optional.empty(), lead.userId()));
        kit.projects().addMilestone(lead, ws.id(), project.id(),
                new io.clientworkspace.project.NewMilestone("Milestone " + suffix, Optional.of(due), false));
        var list = kit.tasks().createList(lead, ws.id(), new io.clientworkspace.project.NewTaskList(
                Optional.of(project.id()), "List " + suffix, Visibility.CLIENT));
        kit.tasks().addTask(lead, ws.id(), list.id(), new io.clientworkspace.project.NewTask("Task " + suffix, "",
                io.clientworkspace.project.TaskSide.TEAM, Optional.empty(), Optional.of(due), Visibility.CLIENT));
    }

    @Test
    void theAgendaMergesEventsWithTheDueDatesOfMilestonesAndTasksTheActorMaySee() {
        LocalDate tuesday = LocalDate.of(2031, 4, 8);
        projectDueOn(tuesday, Visibility.CLIENT, "shared");
        projectDueOn(tuesday, Visibility.TEAM, "internal");
        ScheduledEvent event = schedule(upgrade(MONDAY.plus(Duration.ofHours(12))));

        Agenda agenda = kit.calendar().agenda(client, ws.id(), LocalDate.of(2031, 4, 7), LocalDate.of(2031, 4, 14));

        assertThat(agenda.entries()).extracting(AgendaEntry::type, AgendaEntry::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AgendaEntry.Type.EVENT, event.title()),
                org.assertj.core.groups.Tuple.tuple(AgendaEntry.Type.MILESTONE, "Milestone shared"),
                org.assertj.core.groups.Tuple.tuple(AgendaEntry.Type.TASK, "Task shared"));
        assertThat(agenda.entries()).allSatisfy(e -> assertThat(e.date()).isEqualTo(tuesday));
        assertThat(kit.calendar().agenda(lead, ws.id(), LocalDate.of(2031, 4, 7), LocalDate.of(2031, 4, 14)).entries())
                .filteredOn(e -> e.title().endsWith("internal")).hasSize(2)
                .allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void theAgendaLeavesOutDueDatesOnTheExclusiveEndDay() {
        projectDueOn(LocalDate.of(2031, 4, 14), Visibility.CLIENT, "later");

        assertThat(kit.calendar().agenda(client, ws.id(), LocalDate.of(2031, 4, 7), LocalDate.of(2031, 4, 14)).entries())
                .isEmpty();
        assertThat(kit.calendar().agenda(client, ws.id(), LocalDate.of(2031, 4, 7), LocalDate.of(2031, 4, 15)).entries())
                .hasSize(2);
    }

    @Test
    void theFeedShowsVisibleDueDatesAsAllDayEvents() {
        projectDueOn(LocalDate.of(2031, 4, 8), Visibility.CLIENT, "shared");
        projectDueOn(LocalDate.of(2031, 4, 8), Visibility.TEAM, "internal");

        String ics = feed(client);

        assertThat(ics).contains("\r\nDTSTART;VALUE=DATE:20310408\r\nDTEND;VALUE=DATE:20310409\r\nSUMMARY:Milestone shared\r\n"
                + "CATEGORIES:MILESTONE\r\n")
                .contains("SUMMARY:Task shared\r\nCATEGORIES:TASK\r\n")
                .containsPattern("UID:milestone-[^@]+@client-workspace")
                .doesNotContain("internal");
        assertThat(feed(lead)).contains("Milestone internal", "Task internal");
    }

    // ------------------------------------------------------------------------------------------ the feed

    @Test
    void theFeedIsTheGoldenText() {
        ScheduledEvent event = schedule(upgrade(MONDAY).withDescription("Downtime; up to 30 min, maybe").at("Hall 2"));

        assertThat(feed(client)).isEqualTo("BEGIN:VCALENDAR\r\n"
                + "VERSION:2.0\r\n"
                + "PRODID:-//Client Workspace Kit//Calendar//EN\r\n"
                + "CALSCALE:GREGORIAN\r\n"
                + "METHOD:PUBLISH\r\n"
                + "X-WR-CALNAME:Acme\r\n"
                + "BEGIN:VEVENT\r\n"
                + "UID:" + event.id().value() + "@client-workspace\r\n"
                + "DTSTAMP:20310401T090000Z\r\n"
                + "SEQUENCE:0\r\n"
                + "DTSTART:20310407T220000Z\r\n"
                + "DTEND:20310408T000000Z\r\n"
                + "SUMMARY:Database upgrade\r\n"
                + "DESCRIPTION:Downtime\\; up to 30 min\\, maybe\r\n"
                + "LOCATION:Hall 2\r\n"
                + "CATEGORIES:MAINTENANCE\r\n"
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
    }

    @Test
    void aCancelledEventStaysInTheFeedAsCancelledWithItsNewSequence() {
        ScheduledEvent event = schedule(upgrade(MONDAY));
        clock.advance(Duration.ofMinutes(5));
        kit.calendar().cancel(lead, ws.id(), event.id(), 0);

        assertThat(feed(client)).contains("\r\nDTSTAMP:20310401T090500Z\r\nSEQUENCE:1\r\n")
                .contains("\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n");
    }

    @Test
    void aHostileTitleStaysOneEscapedFoldedLine() {
        String hostile = "X\r\nBEGIN:VEVENT\r\nUID:evil@client-workspace\r\nEND:VEVENT\r\n" + "ü".repeat(60);
        NewScheduledEvent event = new NewScheduledEvent(EventKind.OTHER, "Upgrade", hostile.replace("\r", ""),
                Optional.empty(), MONDAY, MONDAY.plusSeconds(60), Visibility.CLIENT);
        schedule(event);

        String ics = feed(client);

        assertThat(ics.split("\r\n")).filteredOn("BEGIN:VEVENT"::equals).hasSize(1);
        assertThat(ics.split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n ", "")).contains("DESCRIPTION:X\\nBEGIN:VEVENT\\nUID:evil@client-workspace\\nEND:VEVENT\\n");
    }

    @Test
    void theFeedCoversNinetyDaysBackAndFourHundredAhead() {
        Instant today = Instant.parse("2031-04-01T00:00:00Z");
        schedule(upgrade(today.minus(Duration.ofDays(90))).titled("Oldest shown"));
        schedule(upgrade(today.minus(Duration.ofDays(91))).titled("Too old"));
        schedule(upgrade(today.plus(Duration.ofDays(399))).titled("Latest shown"));
        schedule(upgrade(today.plus(Duration.ofDays(400))).titled("Too far"));

        assertThat(feed(client)).contains("Oldest shown", "Latest shown").doesNotContain("Too old", "Too far");
    }

    @Test
    void aClientsFeedLeavesOutTeamOnlyEvents() {
        schedule(upgrade(MONDAY).internal().titled("Internal dry run"));
        schedule(upgrade(MONDAY));

        assertThat(feed(client)).doesNotContain("Internal dry run").contains("Database upgrade");
        assertThat(feed(lead)).contains("Internal dry run");
    }

    // ------------------------------------------------------------------------------------------ feed tokens

    @Test
    void aFeedTokenIsHighEntropyAndStoredOnlyAsItsHash() {
        IssuedFeedToken issued = kit.calendar().issueFeedToken(client, ws.id());

        assertThat(issued.token()).matches("[a-z2-7]{52}");
        assertThat(issued.record().tokenHash()).isEqualTo(TestData.sha256(issued.token()));
        assertThat(stores().require(CalendarFeedTokenStore.class).findByHash(lead.tenantId(), issued.record().tokenHash()))
                .contains(issued.record());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.record().member()).isEqualTo(client.userId());
    }

    @Test
    void aTokenOpensTheMembersFeed() {
        schedule(upgrade(MONDAY));
        schedule(upgrade(MONDAY).internal().titled("Internal dry run"));
        String token = kit.calendar().issueFeedToken(client, ws.id()).token();

        assertThat(feedByToken(token)).isEqualTo(feed(client));
    }

    @Test
    void atMostThreeTokensAreLiveAndTheOldestStopsWorking() {
        String first = kit.calendar().issueFeedToken(client, ws.id()).token();
        clock.advance(Duration.ofSeconds(1));
        kit.calendar().issueFeedToken(client, ws.id());
        clock.advance(Duration.ofSeconds(1));
        kit.calendar().issueFeedToken(client, ws.id());
        clock.advance(Duration.ofSeconds(1));
        String fourth = kit.calendar().issueFeedToken(client, ws.id()).token();

        assertThat(kit.calendar().feedTokens(client, ws.id())).hasSize(CalendarService.MAX_LIVE_FEED_TOKENS);
        assertThatThrownBy(() -> feedByToken(first)).isInstanceOf(NotFoundException.class);
        assertThat(feedByToken(fourth)).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void aRevokedTokenAnswersLikeAnUnknownOne() {
        IssuedFeedToken issued = kit.calendar().issueFeedToken(client, ws.id());

        CalendarFeedToken revoked = kit.calendar().revokeFeedToken(client, ws.id(), issued.record().id());

        assertThat(revoked.revoked()).isTrue();
        assertThat(catchThrowable(() -> feedByToken(issued.token())))
                .hasMessage(catchThrowable(() -> feedByToken("a".repeat(52))).getMessage());
        assertThat(kit.calendar().feedTokens(client, ws.id())).isEmpty();
    }

    @Test
    void unknownTamperedMalformedAndOtherTenantsTokensAreIndistinguishable() {
        String token = kit.calendar().issueFeedToken(client, ws.id()).token();
        var otherTenant = kit.tenants().create("Other " + data.unique("o"), UserId.of("other-admin")).id();
        String tampered = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);

        List<Throwable> refusals = List.of(
                catchThrowable(() -> feedByToken("a".repeat(52))),
                catchThrowable(() -> feedByToken(tampered)),
                catchThrowable(() -> feedByToken("not a token")),
                catchThrowable(() -> feedByToken(token.toUpperCase(java.util.Locale.ROOT))),
                catchThrowable(() -> kit.calendar().feedByToken(otherTenant, token, new ByteArrayOutputStream())));

        assertThat(refusals).allSatisfy(t -> assertThat(t).isInstanceOf(NotFoundException.class)
                .hasMessage(refusals.get(0).getMessage()));
    }

    @Test
    void aRemovedMembersTokenAnswersLikeAnUnknownOneAndWritesNothing() {
        String token = kit.calendar().issueFeedToken(client, ws.id()).token();
        kit.members().remove(lead, ws.id(), client.userId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Throwable thrown = catchThrowable(() -> kit.calendar().feedByToken(lead.tenantId(), token, out));

        assertThat(thrown).isInstanceOf(NotFoundException.class)
                .hasMessage(catchThrowable(() -> feedByToken("a".repeat(52))).getMessage());
        assertThat(out.size()).isZero();
    }

    @Test
    void aRemovedMemberAddedAgainGetsNoneOfTheOldTokensBackButANewOneWorks() {
        String old = kit.calendar().issueFeedToken(client, ws.id()).token();
        clock.advance(Duration.ofMinutes(1));
        kit.members().remove(lead, ws.id(), client.userId());
        clock.advance(Duration.ofMinutes(1));
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_ADMIN);
        clock.advance(Duration.ofMinutes(1));
        String fresh = kit.calendar().issueFeedToken(client, ws.id()).token();

        assertThat(catchThrowable(() -> feedByToken(old))).isInstanceOf(NotFoundException.class)
                .hasMessage(catchThrowable(() -> feedByToken("a".repeat(52))).getMessage());
        assertThat(feedByToken(fresh)).isEqualTo(feed(client));
    }

    @Test
    void aTokenRendersWithTheMembersCurrentPermissions() {
        kit.tenants().addTeamMember(lead, UserId.of("tom" + lead.userId()), TenantRole.TEAM_MEMBER);
        Actor tom = Actor.team(lead.tenantId(), "tom" + lead.userId());
        kit.members().add(lead, ws.id(), tom.userId(), WorkspaceRole.MEMBER);
        schedule(upgrade(MONDAY).internal().titled("Internal dry run"));
        String token = kit.calendar().issueFeedToken(tom, ws.id()).token();
        assertThat(feedByToken(token)).contains("Internal dry run");

        kit.members().remove(lead, ws.id(), tom.userId());

        assertThatThrownBy(() -> feedByToken(token)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyMembersGetTokensAndOnlyTheirOwn() {
        Actor stranger = Actor.client(lead.tenantId(), "stranger");

        assertThatThrownBy(() -> kit.calendar().issueFeedToken(stranger, ws.id())).isInstanceOf(NotFoundException.class);
        IssuedFeedToken viewers = kit.calendar().issueFeedToken(viewer, ws.id());
        assertThat(kit.calendar().feedTokens(client, ws.id())).isEmpty();
        assertThatThrownBy(() -> kit.calendar().revokeFeedToken(client, ws.id(), viewers.record().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(kit.calendar().revokeFeedToken(lead, ws.id(), viewers.record().id()).revoked()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ non-interference

    /** One world: a kit with its own clock and ids over the shared stores, a workspace and its client. */
    private record World(WorkspaceKit kit, HandClock clock, Actor lead, Actor client, Workspace ws,
                         List<ScheduledEventId> internal) {
    }

    private World world(boolean withInternal) {
        HandClock worldClock = new HandClock();
        WorkspaceKit worldKit = kit(worldClock, new AtomicLong());
        String prefix = data.unique("n");
        var tenant = worldKit.tenants().create("Agency " + prefix, UserId.of("lead")).id();
        Actor worldLead = Actor.team(tenant, "lead");
        Workspace workspace = worldKit.workspaces().create(worldLead, NewWorkspace.of("Acme", "acme"));
        Actor worldClient = Actor.client(tenant, "carol");
        worldKit.members().add(worldLead, workspace.id(), worldClient.userId(), WorkspaceRole.CLIENT_ADMIN);
        List<ScheduledEventId> internal = new ArrayList<>();
        List<ScheduledEvent> shared = new ArrayList<>();
        for (int step = 0; step < 24; step++) {
            worldClock.advance(Duration.ofMinutes(7));
            Instant start = MONDAY.plus(Duration.ofHours(step % 6));
            if (withInternal) {
                ScheduledEvent hidden = worldKit.calendar().schedule(worldLead, workspace.id(),
                        upgrade(start).internal().titled("Internal " + step));
                internal.add(hidden.id());
                if (step % 4 == 0) {
                    worldKit.calendar().cancel(worldLead, workspace.id(), hidden.id(), hidden.version());
                }
            }
            shared.add(worldKit.calendar().schedule(worldLead, workspace.id(), upgrade(start).titled("Shared " + step)));
            if (step % 5 == 0) {
                ScheduledEvent s = shared.get(step / 2);
                shared.set(step / 2, worldKit.calendar().update(worldLead, workspace.id(), s.id(),
                        upgrade(s.start().plusSeconds(60)).titled("Moved " + step), s.version()));
            }
        }
        return new World(worldKit, worldClock, worldLead, worldClient, workspace, internal);
    }

    private static List<String> transcript(World w, List<ScheduledEventId> probes) {
        List<String> lines = new ArrayList<>();
        CalendarService cal = w.kit().calendar();
        PageRequest request = PageRequest.first(4);
        while (true) {
            Page<ScheduledEvent> page = cal.events(w.client(), w.ws().id(), MONDAY.minus(Duration.ofDays(1)),
                    MONDAY.plus(Duration.ofDays(2)), request);
            // Cursors are opaque to callers; decoded here so that the ids inside them are numbered like the others.
            lines.add("page " + page.items() + " next " + page.nextCursor().map(c -> new String(
                    java.util.Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8)));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = PageRequest.after(page.nextCursor().get(), 4);
        }
        lines.add("agenda " + cal.agenda(w.client(), w.ws().id(), LocalDate.of(2031, 4, 1), LocalDate.of(2031, 5, 1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cal.feed(w.client(), w.ws().id(), out);
        lines.add("feed " + out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream byToken = new ByteArrayOutputStream();
        cal.feedByToken(w.client().tenantId(), cal.issueFeedToken(w.client(), w.ws().id()).token(), byToken);
        lines.add("feedByToken " + byToken.toString(StandardCharsets.UTF_8));
        for (ScheduledEventId probe : probes) {
            lines.add("get " + catchThrowable(() -> cal.get(w.client(), w.ws().id(), probe)));
            lines.add("find " + cal.find(w.client(), w.ws().id(), probe));
            lines.add("cancel " + catchThrowable(() -> cal.cancel(w.client(), w.ws().id(), probe, 0)));
        }
        lines.add("activity " + w.kit().activity().feed(w.client(), w.ws().id(), PageRequest.first(500)).items().stream()
                .map(e -> e.action() + " " + e.targetId() + " " + e.details()).toList());
        return lines;
    }

    /** Ids, tenant ids and hashes numbered by first appearance, so two worlds compare line by line. */
    private static List<String> normalized(List<String> lines) {
        Pattern ids = Pattern.compile("cal[a-z0-9]{6}\\d{9}|n-[a-z0-9]{6}-\\d{6}|[0-9a-f]{64}");
        Map<String, String> names = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ids.matcher(line);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, names.computeIfAbsent(m.group(), k -> "#" + (names.size() + 1)));
            }
            m.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void aClientsPagesAgendaFeedAndErrorsAreTheSameWhetherOrNotTeamOnlyEventsExist() {
        World plain = world(false);
        World mixed = world(true);
        List<ScheduledEventId> fresh = new ArrayList<>();
        for (int i = 0; i < mixed.internal().size(); i++) {
            fresh.add(ScheduledEventId.of(String.format("cal%s%09d", "zzzzzz", 900_000_000 + i)));
        }

        List<String> plainLines = normalized(transcript(plain, fresh));
        List<String> mixedLines = normalized(transcript(mixed, mixed.internal()));

        assertThat(mixedLines).hasSize(plainLines.size());
        for (int i = 0; i < plainLines.size(); i++) {
            assertThat(mixedLines.get(i)).as("line %d", i).isEqualTo(plainLines.get(i));
        }
    }

    // ---------------------------------------------------------------- date bounds (review 14, finding 3)

    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    @Test
    void eventsAtTheDateBoundsAreStoredAndReadBack() {
        ScheduledEvent first = schedule(NewScheduledEvent.of(EventKind.MEETING, "First", FIRST,
                FIRST.plus(Duration.ofHours(1))));
        ScheduledEvent last = schedule(NewScheduledEvent.of(EventKind.MEETING, "Last",
                LAST.minus(Duration.ofHours(1)), LAST));

        assertThat(kit.calendar().events(lead, ws.id(), FIRST, FIRST.plus(Duration.ofDays(1)),
                io.clientworkspace.PageRequest.first(10)).items()).containsExactly(first);
        assertThat(kit.calendar().events(lead, ws.id(), LAST.minus(Duration.ofDays(1)), LAST,
                io.clientworkspace.PageRequest.first(10)).items()).containsExactly(last);
        assertThat(kit.calendar().agenda(lead, ws.id(), LocalDate.of(9999, 12, 30), LocalDate.of(9999, 12, 31))
                .entries()).isEmpty();
    }

    @Test
    void eventTimesJustOutsideTheDateBoundsAreRefusedWithEveryOtherError() {
        Throwable thrown = catchThrowable(() -> schedule(NewScheduledEvent.of(EventKind.MEETING, " ",
                FIRST.minusSeconds(1), Instant.parse("+10000-01-01T00:00:00Z"))));

        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).fieldErrors()).containsExactlyInAnyOrder(
                FieldError.of("title", "must not be blank"),
                FieldError.of("start", "must be between 1900-01-01 and 9999-12-31"),
                FieldError.of("end", "must be between 1900-01-01 and 9999-12-31"));
    }

    @Test
    void rangesOutsideTheDateBoundsAreRefused() {
        Throwable events = catchThrowable(() -> kit.calendar().events(lead, ws.id(), Instant.MIN, Instant.MAX,
                io.clientworkspace.PageRequest.first(10)));
        Throwable agenda = catchThrowable(() -> kit.calendar().agenda(lead, ws.id(), LocalDate.MIN, LocalDate.MAX));

        assertThat(((ValidationException) events).fieldErrors()).extracting(FieldError::field)
                .containsExactly("from", "to");
        assertThat(((ValidationException) agenda).fieldErrors()).extracting(FieldError::field)
                .containsExactly("from", "to");
    }
}
