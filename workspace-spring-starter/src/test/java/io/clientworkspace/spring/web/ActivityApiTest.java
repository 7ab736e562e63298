package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /workspaces/{id}/activity} of {@link ActivityApiController}. */
class ActivityApiTest extends ApiTestSupport {

    private Workspace workspace;
    private String feed;
    private Actor viewer;

    @BeforeEach
    void workspaceWithClientAndTeamActivity() {
        workspace = workspace(admin);
        feed = "/api/workspaces/" + workspace.id().value() + "/activity";
        viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        // invitation.created is a TEAM entry: the invitee's address is not for other clients' eyes.
        kit.invitations().invite(admin, workspace.id(), NewInvitation.of("secret-invitee@example.com",
                WorkspaceRole.CLIENT_VIEWER));
    }

    @Test
    void feedAnswersEntriesNewestFirstAsIdSequenceActorIdActorKindActionTargetTypeTargetIdOccurredAtVisibilityDetails() throws Exception {
        List<ActivityEntry> entries = kit.activity().feed(admin, workspace.id(), PageRequest.first()).items();
        ActivityEntry newest = entries.get(0);

        String json = mvc.perform(get(feed).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(entries.size())))
                .andExpect(jsonPath("$.items[0].id").value(newest.id().value()))
                .andExpect(jsonPath("$.items[0].sequence").value(newest.sequence()))
                .andExpect(jsonPath("$.items[0].actorId").value(admin.userId().value()))
                .andExpect(jsonPath("$.items[0].actorKind").value("TEAM"))
                .andExpect(jsonPath("$.items[0].action").value("invitation.created"))
                .andExpect(jsonPath("$.items[0].targetType").value("invitation"))
                .andExpect(jsonPath("$.items[0].occurredAt").value(newest.occurredAt().toString()))
                .andExpect(jsonPath("$.items[0].visibility").value("TEAM"))
                .andExpect(jsonPath("$.items[0].details.role").value("CLIENT_VIEWER"))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()))
                .andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(json, "$.items[0]")).containsExactlyInAnyOrder("id", "sequence", "actorId", "actorKind",
                "action", "targetType", "targetId", "occurredAt", "visibility", "details");
        List<Integer> sequences = read(json, "$.items[*].sequence");
        assertThat(sequences).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aClientNeverSeesTEAMEntries() throws Exception {
        String json = mvc.perform(get(feed).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].visibility", everyItem(is("CLIENT"))))
                .andExpect(jsonPath("$.items[*].action", not(hasItem(startsWith("invitation.")))))
                .andExpect(jsonPath("$.items[*].action", hasItem("workspace.created")))
                .andReturn().getResponse().getContentAsString();

        assertThat(json).doesNotContain("secret-invitee@example.com");
    }

    @Test
    void aClientPagingOneEntryAtATimeNeverMeetsATEAMEntry() throws Exception {
        String cursor = null;
        int pages = 0;
        do {
            var request = get(feed).param("limit", "1").with(as(viewer));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String json = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].visibility", everyItem(is("CLIENT"))))
                    .andReturn().getResponse().getContentAsString();
            cursor = read(json, "$.nextCursor");
            pages++;
        } while (cursor != null && pages < 50);

        long clientEntries = kit.activity().feed(viewer, workspace.id(), PageRequest.first()).items().size();
        assertThat(pages).isBetween((int) clientEntries, (int) clientEntries + 1);
    }

    @Test
    void feedPagesWithLimitAndTheNextCursor() throws Exception {
        String first = mvc.perform(get(feed).param("limit", "2").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andReturn().getResponse().getContentAsString();
        int lastSequence = read(first, "$.items[1].sequence");

        mvc.perform(get(feed).param("limit", "2").param("cursor", (String) read(first, "$.nextCursor")).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sequence").value(lastSequence - 1));
    }

    @Test
    void aCursorTheApiNeverIssuedIs400NamingCursor() throws Exception {
        mvc.perform(get(feed).param("cursor", "not-a-cursor").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501"})
    void aLimitOutside1To500Is400NamingLimit(String limit) throws Exception {
        mvc.perform(get(feed).param("limit", limit).with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void aLimitThatIsNotANumberIs400BadRequest() throws Exception {
        mvc.perform(get(feed).param("limit", "ten").with(as(admin)))
                .andExpect(problem(400, "bad-request"));
    }

    @Test
    void aClientWhoIsNotAMemberGets404AsForAMissingWorkspace() throws Exception {
        Actor stranger = clientUser(tenant);

        mvc.perform(get(feed).with(as(stranger)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("workspace"));
    }
}
