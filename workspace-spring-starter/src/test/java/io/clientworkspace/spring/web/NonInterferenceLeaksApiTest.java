package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The four leaks of issue 10's first finding, through the REST API, as the client saw them. */
class NonInterferenceLeaksApiTest extends ApiTestSupport {

    private Workspace linked;
    private Actor viewer;
    private Actor clientAdmin;

    @BeforeEach
    void aLinkedWorkspaceWithClients() {
        linked = kit.workspaces().create(admin, NewWorkspace.of("Acme", unique("ws")).withExternalRef(unique("CRM")));
        viewer = clientMember(linked, admin, WorkspaceRole.CLIENT_VIEWER);
        clientAdmin = clientMember(linked, admin, WorkspaceRole.CLIENT_ADMIN);
    }

    private String base() {
        return "/api/workspaces/" + linked.id().value();
    }

    @Test
    void aClientGetsWorkspacesWithoutAnExternalRefField() throws Exception {
        String one = body(get(base()).with(as(viewer)));
        String list = body(get("/api/workspaces").with(as(viewer)));

        assertThat(fieldsOf(one, "$")).doesNotContain("externalRef").contains("id", "slug", "name", "version");
        assertThat(fieldsOf(list, "$.items[0]")).doesNotContain("externalRef");
        assertThat(fieldsOf(body(get(base()).with(as(admin))), "$")).contains("externalRef");
    }

    @Test
    void theLookupByExternalReferenceAnswersAClientAsForAnUnknownReference() throws Exception {
        String ref = linked.externalRef().orElseThrow();

        String known = body(get("/api/workspaces/by-external-ref/{ref}", ref).with(as(viewer)));
        String unknown = body(get("/api/workspaces/by-external-ref/{ref}", ref + "-x").with(as(viewer)));

        mvc.perform(get("/api/workspaces/by-external-ref/{ref}", ref).with(as(viewer))).andExpect(status().isNotFound());
        assertThat(known.replace(ref, "REF")).isEqualTo(unknown.replace(ref + "-x", "REF"));
        mvc.perform(get("/api/workspaces/by-external-ref/{ref}", ref).with(as(admin))).andExpect(status().isOk());
    }

    @Test
    void aClientsFeedHasNoSequenceAndTheTeamsHas() throws Exception {
        kit.invitations().invite(admin, linked.id(), NewInvitation.of("someone@example.com", WorkspaceRole.CLIENT_VIEWER));

        List<Map<String, Object>> clientItems = read(body(get(base() + "/activity").with(as(viewer))), "$.items");
        List<Map<String, Object>> teamItems = read(body(get(base() + "/activity").with(as(admin))), "$.items");

        assertThat(clientItems).isNotEmpty().allSatisfy(item -> assertThat(item).doesNotContainKey("sequence"));
        assertThat(teamItems).allSatisfy(item -> assertThat(item).containsKey("sequence"));
    }

    @Test
    void aClientCreatesAFolderNamedLikeAnInternalOne() throws Exception {
        kit.folders().create(admin, linked.id(), "Pricing", Optional.empty(), Visibility.TEAM);

        mvc.perform(post(base() + "/folders").with(as(clientAdmin)).contentType("application/json")
                .content("{\"name\": \"Pricing\"}")).andExpect(status().isCreated());
    }

    @Test
    void aClientDeletesAFolderThatHoldsOnlyInternalItems() throws Exception {
        Folder shared = kit.folders().create(admin, linked.id(), "Shared", Optional.empty(), Visibility.CLIENT);
        kit.folders().create(admin, linked.id(), "Team notes", Optional.of(shared.id()), Visibility.TEAM);

        mvc.perform(delete(base() + "/folders/{id}", shared.id().value()).with(as(clientAdmin)))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get(base() + "/folders/{id}", shared.id().value()).with(as(clientAdmin)))
                .andExpect(status().isNotFound());
    }
}
