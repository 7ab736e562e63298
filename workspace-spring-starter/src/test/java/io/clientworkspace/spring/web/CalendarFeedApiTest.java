package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.NewScheduledEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calendar feed tokens through the REST API and the public feed by token: issued for oneself (secret once, with the
 * feed URL), listed without secrets, revoked; the public path answers without a user, and every token that opens
 * nothing answers the same 404. Only that path pattern is open.
 */
class CalendarFeedApiTest extends RequestApiTestSupport {

    private static final Instant NEXT_WEEK = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7));

    private String tokens() {
        return base(workspace) + "/calendar/feed-tokens";
    }

    /** Issues a token for carol over REST and answers the path (and query) of its feed URL. */
    private String carolsFeedPath() throws Exception {
        String issued = body(post(tokens()).with(as(carol)));
        String url = read(issued, "$.feedUrl");
        return url.substring(url.indexOf("/api/"));
    }

    /** The answer of the public path without a user, with the echoed request path ({@code instance}) left out. */
    private String publicFeed(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":\"-\"");
    }

    @Test
    void issuingAnswersTheSecretOnceWithTheFeedUrl() throws Exception {
        mvc.perform(post(tokens()).with(as(carol)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.member").value(carol.userId().value()))
                .andExpect(jsonPath("$.token", matchesPattern("[a-z2-7]{52}")))
                .andExpect(jsonPath("$.feedUrl", matchesPattern(
                        "http://localhost/api/calendar-feeds/[a-z2-7]{52}\\.ics\\?tenant=" + tenant.value())));
        mvc.perform(get(tokens()).with(as(carol)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].revokedAt").isEmpty());
    }

    @Test
    void thePublicFeedAnswersWithoutAUserAsTheTokensMember() throws Exception {
        kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.MAINTENANCE, "Shared window",
                NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1))));
        kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.MAINTENANCE, "Internal window",
                NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1))).visibleTo(Visibility.TEAM));
        String path = carolsFeedPath();

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/calendar;charset=utf-8"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "private, max-age=300"));
        assertThat(publicFeed(path)).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Shared window")
                .doesNotContain("Internal window");
    }

    @Test
    void thePublicFeedIsTheCallersOwnFeedByteForByte() throws Exception {
        kit.calendar().schedule(admin, workspace.id(), NewScheduledEvent.of(EventKind.REVIEW, "Review",
                NEXT_WEEK, NEXT_WEEK.plus(Duration.ofHours(1))));

        String signedIn = body(get(base(workspace) + "/calendar.ics").with(as(carol)));

        assertThat(publicFeed(carolsFeedPath())).isEqualTo(signedIn);
    }

    @Test
    void unknownTamperedRevokedAndOtherTenantsTokensAllAnswerTheSame404() throws Exception {
        String path = carolsFeedPath();
        String token = path.substring(path.lastIndexOf('/') + 1, path.indexOf(".ics"));
        String query = path.substring(path.indexOf('?'));
        String tampered = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        OtherTenant other = otherTenant();

        String unknown = publicFeed("/api/calendar-feeds/" + "a".repeat(52) + ".ics" + query);
        assertThat(publicFeed("/api/calendar-feeds/" + tampered + ".ics" + query)).isEqualTo(unknown);
        assertThat(publicFeed("/api/calendar-feeds/short.ics" + query)).isEqualTo(unknown);
        assertThat(publicFeed("/api/calendar-feeds/" + token + ".ics?tenant=" + other.tenant().value())).isEqualTo(unknown);
        assertThat(publicFeed("/api/calendar-feeds/" + token + ".ics")).isEqualTo(unknown);
        mvc.perform(delete(tokens()).with(as(carol))).andExpect(jsonPath("$.revoked").value(1));
        assertThat(publicFeed(path)).isEqualTo(unknown);
        mvc.perform(get(path)).andExpect(problem(404, "not-found"));
    }

    @Test
    void aRemovedMembersTokenAnswersTheSame404() throws Exception {
        String path = carolsFeedPath();
        String unknown = publicFeed("/api/calendar-feeds/" + "a".repeat(52) + ".ics" + path.substring(path.indexOf('?')));

        kit.members().remove(admin, workspace.id(), carol.userId());

        assertThat(publicFeed(path)).isEqualTo(unknown);
    }

    @Test
    void onlyTheExactPublicPathPatternIsOpenWithoutAUser() throws Exception {
        String path = carolsFeedPath();
        String bare = path.substring(0, path.indexOf('?'));

        mvc.perform(get(bare + "/more")).andExpect(status().isUnauthorized());
        mvc.perform(get(bare.replace(".ics", ""))).andExpect(status().isUnauthorized());
        mvc.perform(get(bare.replace(".ics", ".json"))).andExpect(status().isUnauthorized());
        mvc.perform(post(path)).andExpect(status().isUnauthorized());
        mvc.perform(get(base(workspace) + "/calendar.ics")).andExpect(status().isUnauthorized());
        mvc.perform(get(tokens())).andExpect(status().isUnauthorized());
    }

    @Test
    void aFourthTokenRevokesTheOldest() throws Exception {
        String first = carolsFeedPath();
        carolsFeedPath();
        carolsFeedPath();
        String fourth = carolsFeedPath();

        mvc.perform(get(first)).andExpect(status().isNotFound());
        mvc.perform(get(fourth)).andExpect(status().isOk());
        mvc.perform(get(tokens()).with(as(carol))).andExpect(jsonPath("$", hasSize(3)));
    }

    @Test
    void revokingOneTokenLeavesTheOthers() throws Exception {
        String kept = carolsFeedPath();
        String issued = body(post(tokens()).with(as(carol)));
        String id = read(issued, "$.id");

        mvc.perform(delete(tokens() + "/" + id).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get(kept)).andExpect(status().isOk());
        mvc.perform(get(tokens()).with(as(carol))).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void nobodyElseRevokesAClientsTokenButTheTeamMay() throws Exception {
        String id = read(body(post(tokens()).with(as(carol))), "$.id");

        mvc.perform(delete(tokens() + "/" + id).with(as(dave))).andExpect(problem(404, "not-found"));
        mvc.perform(delete(tokens() + "/" + id).with(as(admin))).andExpect(status().isOk());
    }

    @Test
    void aNonMemberCannotIssueAToken() throws Exception {
        mvc.perform(post(tokens()).with(as(clientUser(tenant)))).andExpect(problem(404, "not-found"));
        assertThat(kit.calendar().feedTokens(carol, workspace.id())).isEmpty();
        assertThat(kit.members().list(admin, workspace.id(), PageRequest.first(50)).items()).hasSize(4);
    }
}
