package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.reply.IssuedReplyToken;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbound reply endpoint with a shared secret configured: the host's mail pipeline posts a reply e-mail
 * without a user, and it lands in the thread as the token's recipient, once.
 */
@TestPropertySource(properties = {"client-workspace.replies.inbound-secret=s3cret-for-tests",
        "client-workspace.replies.address-domain=mail.example.com"})
class InboundReplyApiTest extends FileApiTestSupport {

    private static final String SECRET = "s3cret-for-tests";

    private Workspace workspace;
    private Actor carol;
    private Conversation general;
    private IssuedReplyToken issued;

    @BeforeEach
    void aClientWithAToken() {
        workspace = workspace(admin);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
        general = kit.conversations().general(admin, workspace.id());
        issued = kit.replies().issueFor(tenant, workspace.id(), general.id(), carol.userId());
    }

    private ResultActions inbound(String secret, String json) throws Exception {
        return mvc.perform(post("/api/inbound/replies").contentType(MediaType.APPLICATION_JSON)
                .header("X-Client-Workspace-Inbound-Secret", secret).content(json));
    }

    private String reply(String messageId) {
        return """
                {"tenantId": "%s", "to": "Acme <reply+%s@mail.example.com>", "from": "carol@acme.example",
                 "text": "Looks great, ship it.\\n\\nOn Tue, Acme <team@agency.example> wrote:\\n> Ready?",
                 "messageId": "%s"}""".formatted(tenant.value(), issued.token(), messageId);
    }

    private List<Message> messages() {
        return kit.conversations().messages(admin, workspace.id(), general.id(), PageRequest.first(50)).items();
    }

    @Test
    void aReplyIsPostedAsTheRecipientWithoutItsQuotedHistory() throws Exception {
        inbound(SECRET, reply("<m1@acme.example>"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.author").value(carol.userId().value()))
                .andExpect(jsonPath("$.conversationId").value(general.id().value()))
                .andExpect(jsonPath("$.duplicate").value(false));

        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.authorId()).isEqualTo(carol.userId());
            assertThat(m.body()).isEqualTo("Looks great, ship it.");
        });
    }

    @Test
    void aRetryOfTheSameMessageIdPostsOnceAndAnswers200() throws Exception {
        inbound(SECRET, reply("<m2@acme.example>")).andExpect(status().isCreated());
        inbound(SECRET, reply("<m2@acme.example>")).andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(messages()).hasSize(1);
    }

    @Test
    void aWrongOrMissingSecretIs401AndPostsNothing() throws Exception {
        inbound("wrong", reply("<m3@acme.example>")).andExpect(problem(401, "inbound-secret"));
        mvc.perform(post("/api/inbound/replies").contentType(MediaType.APPLICATION_JSON).content(reply("<m4@x>")))
                .andExpect(problem(401, "inbound-secret"));

        assertThat(messages()).isEmpty();
    }

    @Test
    void anUnknownTokenIs404AndARevokedOne410() throws Exception {
        inbound(SECRET, """
                {"tenantId": "%s", "token": "%s", "text": "Hi"}""".formatted(tenant.value(), "a".repeat(52)))
                .andExpect(problem(404, "not-found"));
        kit.replies().revoke(admin, workspace.id(), issued.record().id());
        inbound(SECRET, reply("<m5@acme.example>")).andExpect(status().isGone());

        assertThat(messages()).isEmpty();
    }

    @Test
    void aReplyWithNothingButHistoryIs400OnText() throws Exception {
        inbound(SECRET, """
                {"tenantId": "%s", "token": "%s", "text": "> quoted\\n-- \\nCarol"}"""
                .formatted(tenant.value(), issued.token()))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void issuedTokensComeWithTheirAddressWhenADomainIsConfigured() throws Exception {
        mvc.perform(post(base(workspace) + "/conversations/" + general.id().value() + "/reply-tokens").with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.address").value(org.hamcrest.Matchers.matchesPattern(
                        "reply\\+[a-z2-7]{52}@mail\\.example\\.com")));
    }
}
