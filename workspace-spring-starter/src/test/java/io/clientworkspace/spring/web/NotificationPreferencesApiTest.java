package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A member's own notification preferences through the REST API. */
class NotificationPreferencesApiTest extends ApiTestSupport {

    private static final String PATH = "/api/me/notification-preferences";

    private static MockHttpServletRequestBuilder update(String json) {
        return put(PATH).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void aMemberWhoNeverSavedReadsTheDefaultsAtVersionZero() throws Exception {
        mvc.perform(get(PATH).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.perKind.APPROVAL_REQUESTED").value("IMMEDIATE"))
                .andExpect(jsonPath("$.perKind.ITEM_OVERDUE").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours").isEmpty())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aClientSavesItsOwnPreferences() throws Exception {
        Workspace workspace = workspace(admin);
        Actor carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(update("""
                        {"perKind": {"FILE_SHARED": "DAILY_DIGEST", "MESSAGE_POSTED": "OFF"},
                         "quietHours": {"from": "22:00", "to": "07:00", "zone": "Europe/Berlin"},
                         "locale": "de-DE", "zone": "Europe/Berlin"}""").header(HttpHeaders.IF_MATCH, "\"0\"")
                        .with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));

        mvc.perform(get(PATH).with(as(carol)))
                .andExpect(jsonPath("$.perKind.FILE_SHARED").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.perKind.MESSAGE_POSTED").value("OFF"))
                .andExpect(jsonPath("$.perKind.APPROVAL_REQUESTED").value("IMMEDIATE"))
                .andExpect(jsonPath("$.quietHours.from").value("22:00"))
                .andExpect(jsonPath("$.quietHours.zone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.locale").value("de-DE"))
                .andExpect(jsonPath("$.zone").value("Europe/Berlin"));
    }

    @Test
    void aChangeWithoutIfMatchIs428() throws Exception {
        mvc.perform(update("""
                        {"perKind": {"FILE_SHARED": "OFF"}}""").with(as(admin)))
                .andExpect(problem(428, "precondition-required"));
    }

    @Test
    void aStaleIfMatchIs412() throws Exception {
        mvc.perform(update("""
                        {"perKind": {"FILE_SHARED": "OFF"}}""").header(HttpHeaders.IF_MATCH, "\"5\"").with(as(admin)))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void badPreferencesNameEveryFieldAtOnceAndSaveNothing() throws Exception {
        String json = body(update("""
                {"perKind": {"FILE_SHARED": "SOMETIMES", "NOT_A_KIND": "OFF"},
                 "quietHours": {"from": "25:00", "to": "07:00", "zone": "Mars/Olympus"},
                 "locale": "not a locale!", "zone": "Nowhere/City"}""").header(HttpHeaders.IF_MATCH, "\"0\"")
                .with(as(admin)));

        assertThat(ApiTestSupport.<List<String>>read(json, "$.errors[*].field")).containsExactlyInAnyOrder(
                "perKind", "perKind.FILE_SHARED", "quietHours.from", "quietHours.zone", "locale", "zone");
        mvc.perform(get(PATH).with(as(admin))).andExpect(jsonPath("$.version").value(0));
    }
}
