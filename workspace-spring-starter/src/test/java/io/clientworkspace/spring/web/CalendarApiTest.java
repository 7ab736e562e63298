package io.clientworkspace.spring.web;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.NewScheduledEvent;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar through the REST API: events (schedule, read, change with If-Match, cancel), the agenda, the
 * caller's {@code .ics} feed, and who may do what. Feed tokens and the public feed: {@link CalendarFeedApiTest}.
 */
class CalendarApiTest extends RequestApiTestSupport {

    /** A day well ahead, inside the feed's window (400 days ahead). */
    private static final Instant NEXT_WEEK = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7));

    private String events() {
        return base(workspace) + "/calendar/events";
    }

    private static String event(String title, Instant start, String visibility) {
        return """
                {"kind": "maintenance", "title": "%s", "description": "Servers down", "location": "Online",
                 "start": "%s", "end": "%s", "visibility": "%s"}""".formatted(title, start, start.plus(Duration.ofHours(2)),
                visibility);
    }

    private ScheduledEvent scheduled(String title, Visibility visibility) {
        return kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.MAINTENANCE, title,
                NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1))).visibleTo(visibility));
    }

    @Test
    void theTeamSchedulesAnEventAndGets201WithLocationAndETag() throws Exception {
        mvc.perform(postJson(events(), bob, event("Upgrade", NEXT_WEEK, "CLIENT")))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.containsString("/calendar/events/")))
                .andExpect(jsonPath("$.kind").value("MAINTENANCE"))
                .andExpect(jsonPath("$.title").value("Upgrade"))
                .andExpect(jsonPath("$.location").value("Online"))
                .andExpect(jsonPath("$.start").value(NEXT_WEEK.toString()))
                .andExpect(jsonPath("$.cancelled").value(false))
                .andExpect(jsonPath("$.createdBy").value(bob.userId().value()));
    }

    @Test
    void everyBadFieldOfAnEventIsReportedAtOnce() throws Exception {
        mvc.perform(postJson(events(), bob, """
                        {"kind": "party", "start": "next tuesday", "end": "2026-13-01T00:00:00Z", "visibility": "ALL"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("kind", "title", "start", "end",
                        "visibility")));
        assertThat(kit.calendar().events(admin, workspace.id(), NEXT_WEEK.minus(Duration.ofDays(30)),
                NEXT_WEEK.plus(Duration.ofDays(30)), io.clientworkspace.PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anEventEndingBeforeItStartsIsAFieldErrorOfTheKit() throws Exception {
        mvc.perform(postJson(events(), bob, """
                        {"kind": "REVIEW", "title": "Backwards", "start": "%s", "end": "%s"}"""
                        .formatted(NEXT_WEEK, NEXT_WEEK.minus(Duration.ofHours(1)))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("end"));
    }

    @Test
    void anUnknownFieldInTheBodyIsRefused() throws Exception {
        mvc.perform(postJson(events(), bob, """
                        {"kind": "REVIEW", "title": "T", "start": "%s", "end": "%s", "version": 7}"""
                        .formatted(NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1)))))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aClientCannotScheduleEvents() throws Exception {
        mvc.perform(postJson(events(), carol, event("Sneaky", NEXT_WEEK, "CLIENT")))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aTeamOnlyEventIsA404ForAClientLikeAnUnknownId() throws Exception {
        ScheduledEvent internal = scheduled("Margin review", Visibility.TEAM);

        String hidden = body(get(events() + "/" + internal.id().value()).with(as(carol)));
        String unknown = body(get(events() + "/" + "no-such-event").with(as(carol)));

        mvc.perform(get(events() + "/" + internal.id().value()).with(as(carol))).andExpect(problem(404, "not-found"));
        assertThat(hidden.replace(internal.id().value(), "ID")).isEqualTo(unknown.replace("no-such-event", "ID"));
    }

    @Test
    void theListShowsAClientOnlyWhatItMaySeeInStartOrder() throws Exception {
        scheduled("Shared", Visibility.CLIENT);
        scheduled("Internal", Visibility.TEAM);
        String range = "?from=" + NEXT_WEEK.minus(Duration.ofDays(1)) + "&to=" + NEXT_WEEK.plus(Duration.ofDays(1));

        mvc.perform(get(events() + range).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", containsInAnyOrder("Shared")));
        mvc.perform(get(events() + range).with(as(admin)))
                .andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void theListPagesWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            scheduled("E" + i, Visibility.CLIENT);
        }
        String range = "?from=" + NEXT_WEEK.minus(Duration.ofDays(1)) + "&to=" + NEXT_WEEK.plus(Duration.ofDays(1));
        String first = body(get(events() + range + "&limit=2").with(as(carol)));
        String cursor = read(first, "$.nextCursor");

        String second = body(get(events() + range + "&limit=2&cursor=" + cursor).with(as(carol)));

        List<String> titles = new java.util.ArrayList<>(read(first, "$.items[*].title"));
        titles.addAll(read(second, "$.items[*].title"));
        assertThat(titles).containsExactlyInAnyOrder("E0", "E1", "E2");
        assertThat((Object) read(second, "$.nextCursor")).isNull();
    }

    @Test
    void aBadRangeIsAFieldErrorNamingTheParameter() throws Exception {
        mvc.perform(get(events() + "?from=yesterday&to=" + NEXT_WEEK).with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get(events() + "?from=" + NEXT_WEEK + "&to=" + NEXT_WEEK.minus(Duration.ofDays(1))).with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void aPatchChangesOnlyTheGivenFieldsWithIfMatch() throws Exception {
        ScheduledEvent event = scheduled("Upgrade", Visibility.CLIENT);

        mvc.perform(patch(events() + "/" + event.id().value()).with(as(bob)).header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Upgrade (moved)\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.title").value("Upgrade (moved)"))
                .andExpect(jsonPath("$.kind").value("MAINTENANCE"))
                .andExpect(jsonPath("$.start").value(NEXT_WEEK.toString()));
    }

    @Test
    void aPatchWithoutIfMatchIs428AndWithAStaleOneIs412() throws Exception {
        ScheduledEvent event = scheduled("Upgrade", Visibility.CLIENT);
        String uri = events() + "/" + event.id().value();

        mvc.perform(patch(uri).with(as(bob)).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"X\"}"))
                .andExpect(status().is(428));
        mvc.perform(patch(uri).with(as(bob)).header(HttpHeaders.IF_MATCH, "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"X\"}"))
                .andExpect(status().is(412));
        assertThat(kit.calendar().get(admin, workspace.id(), event.id()).title()).isEqualTo("Upgrade");
    }

    @Test
    void cancellingKeepsTheEventMarkedCancelled() throws Exception {
        ScheduledEvent event = scheduled("Upgrade", Visibility.CLIENT);

        mvc.perform(post(events() + "/" + event.id().value() + "/cancel").with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cancelled").value(true))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
        mvc.perform(get(events() + "/" + event.id().value()).with(as(carol)))
                .andExpect(jsonPath("$.cancelled").value(true));
    }

    @Test
    void theAgendaMergesEventsAndDueDatesForTheCaller() throws Exception {
        LocalDate day = LocalDate.ofInstant(NEXT_WEEK, ZoneOffset.UTC);
        scheduled("Upgrade", Visibility.CLIENT);
        var project = kit.projects().create(admin, workspace.id(), new NewProject("Brand refresh", "",
                Visibility.CLIENT, Optional.empty(), Optional.empty(), admin.userId()));
        kit.projects().addMilestone(admin, workspace.id(), project.id(), new NewMilestone("Logo", Optional.of(day), false));

        mvc.perform(get(base(workspace) + "/calendar/agenda?from=" + day + "&to=" + day.plusDays(1)).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(day.toString()))
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.entries[*].type", org.hamcrest.Matchers.contains("EVENT", "MILESTONE")))
                .andExpect(jsonPath("$.entries[1].title").value("Logo"))
                .andExpect(jsonPath("$.entries[1].start").isEmpty());
    }

    @Test
    void aBadAgendaDateIsAFieldError() throws Exception {
        mvc.perform(get(base(workspace) + "/calendar/agenda?from=2026-02-30").with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void theCallersFeedIsTextCalendarWithCrlfLinesOfAtMost75Octets() throws Exception {
        kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.RELEASE,
                "Lancement de la nouvelle identité visuelle, avec café et croissants pour toute l'équipe; bienvenue",
                NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1))));

        MvcResult result = mvc.perform(get(base(workspace) + "/calendar.ics").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/calendar;charset=utf-8"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "private, no-store"))
                .andReturn();

        String ics = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Lancement de la nouvelle identité visuelle\\, avec café");
    }

    @Test
    void aClientsFeedIsTheSameWithAndWithoutTeamOnlyEvents() throws Exception {
        scheduled("Shared", Visibility.CLIENT);
        byte[] before = mvc.perform(get(base(workspace) + "/calendar.ics").with(as(carol))).andReturn()
                .getResponse().getContentAsByteArray();

        scheduled("Margin review", Visibility.TEAM);
        kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.OTHER, "Internal later",
                NEXT_WEEK.plus(Duration.ofDays(3)), NEXT_WEEK.plus(Duration.ofDays(4))).internal());

        byte[] after = mvc.perform(get(base(workspace) + "/calendar.ics").with(as(carol))).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(after).isEqualTo(before);
        assertThat(new String(mvc.perform(get(base(workspace) + "/calendar.ics").with(as(admin))).andReturn()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains("SUMMARY:Margin review");
    }

    @Test
    void theFeedOfAWorkspaceTheCallerCannotSeeIsA404ProblemNotACalendar() throws Exception {
        OtherTenant other = otherTenant();

        mvc.perform(get(base(other.workspace()) + "/calendar.ics").with(as(carol)))
                .andExpect(problem(404, "not-found"));
    }
}
