package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reply tokens through the REST API (issue, read, revoke), and the inbound endpoint being off (404) while no
 * shared secret is configured, as in this host.
 */
class ReplyApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor carol;
    private Actor dave;
    private Conversation general;

    @BeforeEach
    void workspaceWithAClientAndAViewer() {
        workspace = workspace(admin);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        general = kit.conversations().general(admin, workspace.id());
    }

    private String tokens() {
        return base(workspace) + "/conversations/" + general.id().value() + "/reply-tokens";
    }

    private MockHttpServletResponse issue(Actor actor, Actor recipient) throws Exception {
        return mvc.perform(post(tokens()).with(as(actor)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recipient\": \"%s\"}".formatted(recipient.userId().value())))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse issueOwn(Actor actor) throws Exception {
        return mvc.perform(post(tokens()).with(as(actor))).andReturn().getResponse();
    }

    private List<Message> messages() {
        return kit.conversations().messages(admin, workspace.id(), general.id(), PageRequest.first(50)).items();
    }

    @Test
    void aClientIssuesATokenForHerselfAndGetsTheSecretOnce() throws Exception {
        MockHttpServletResponse response = issueOwn(carol);

        assertThat(response.getStatus()).isEqualTo(201);
        String json = response.getContentAsString();
        String id = read(json, "$.id");
        assertThat((String) read(json, "$.token")).matches("[a-z2-7]{52}");
        assertThat((String) read(json, "$.recipient")).isEqualTo(carol.userId().value());
        assertThat((String) read(json, "$.recipientKind")).isEqualTo("CLIENT");
        assertThat((String) read(json, "$.expiresAt")).isNotBlank();
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith(tokens() + "/" + id);
        mvc.perform(get(tokens() + "/" + id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(get(tokens() + "/" + id).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").doesNotExist())
                .andExpect(jsonPath("$.address").doesNotExist());
    }

    @Test
    void aTokenForAViewerWhoMayNotPostIs400OnRecipient() throws Exception {
        mvc.perform(post(tokens()).with(as(dave)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recipient\": \"%s\"}".formatted(dave.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("recipient"));
    }

    @Test
    void aClientCannotIssueATokenForSomeoneElse() throws Exception {
        assertThat(issue(carol, admin).getStatus()).isEqualTo(403);
        assertThat(issue(carol, carol).getStatus()).isEqualTo(201);
    }

    @Test
    void aTeamMemberCannotObtainATokenForAClient() throws Exception {
        MockHttpServletResponse response = issue(admin, carol);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContainPattern("[a-z2-7]{52}");
        assertThat(kit.replies().revokeAll(admin, workspace.id(), java.util.Optional.of(general.id()),
                java.util.Optional.of(carol.userId()))).isZero();
    }

    @Test
    void aTeamMemberIssuesATokenForHimselfWithoutABody() throws Exception {
        MockHttpServletResponse response = issueOwn(admin);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat((String) read(response.getContentAsString(), "$.recipient")).isEqualTo(admin.userId().value());
        assertThat((String) read(response.getContentAsString(), "$.recipientKind")).isEqualTo("TEAM");
    }

    @Test
    void aRevokedTokenNoLongerPosts() throws Exception {
        String json = issue(carol, carol).getContentAsString();
        String id = read(json, "$.id");
        String token = read(json, "$.token");

        mvc.perform(delete(tokens() + "/" + id).with(as(admin))).andExpect(status().isNoContent());

        mvc.perform(get(tokens() + "/" + id).with(as(admin))).andExpect(jsonPath("$.revokedAt").isNotEmpty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.replies().receive(tenant,
                io.clientworkspace.message.reply.InboundReply.of(token, "Hi")))
                .isInstanceOf(io.clientworkspace.GoneException.class);
    }

    @Test
    void revokingAllOfARecipientsTokensCountsThem() throws Exception {
        issue(carol, carol);
        issue(carol, carol);
        issue(admin, admin);

        mvc.perform(delete(tokens()).with(as(admin)).queryParam("recipient", carol.userId().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(2));
    }

    @Test
    void aTokenOfAnotherTenantIsNotFound() throws Exception {
        String id = read(issue(carol, carol).getContentAsString(), "$.id");
        OtherTenant other = otherTenant();

        mvc.perform(get(tokens() + "/" + id).with(as(other.admin()))).andExpect(problem(404, "not-found"));
    }

    @Test
    void theInboundEndpointIsOffWithoutASecret() throws Exception {
        String token = read(issue(carol, carol).getContentAsString(), "$.token");

        mvc.perform(post("/api/inbound/replies").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Client-Workspace-Inbound-Secret", "")
                        .content("{\"tenantId\": \"%s\", \"token\": \"%s\", \"text\": \"Hi\"}"
                                .formatted(tenant.value(), token)))
                .andExpect(problem(404, "not-found"));
        assertThat(messages()).isEmpty();
    }
}
