package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Reply by e-mail (demo)" page over real HTTP, on the portal's JPA stores: a member gets their own reply
 * address for the General conversation, pastes a reply with quoted history and a signature into the form that
 * stands in for the mail server, and it lands in the thread as them, without the history. Nobody is ever shown
 * another member's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalMailDemoIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ADDRESS = Pattern.compile("reply\\+[a-z2-7]{52}@reply\\.agency-portal\\.example");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    private Actor alice;
    private Workspace acme;
    private Conversation general;

    @BeforeEach
    void acmesGeneralConversation() {
        alice = new Actor(tenant.id(), users.idOf("alice").orElseThrow(), ActorKind.TEAM);
        acme = kit.workspaces().findBySlug(alice, "acme").orElseThrow();
        general = kit.conversations().general(alice, acme.id());
    }

    private List<Message> messages() {
        return kit.conversations().messages(alice, acme.id(), general.id(), PageRequest.first(500)).items();
    }

    @Test
    void carolsPastedReplyIsPostedAsHerWithoutItsHistory() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol", "demo");
        String carolsId = users.idOf("carol").orElseThrow().value();

        HttpResponse<String> page = carol.get("/workspaces/acme/mail-demo");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Reply by e-mail (demo)").doesNotContain("name=\"recipient\"");

        String address = issueAddress(carol, page.body());
        HttpResponse<String> delivered = carol.postForm("/workspaces/acme/mail-demo/inbound", Map.of(
                "to", address, "messageId", "<demo-1@mail.acme.test>", "_csrf", csrfOf(carol.get("/workspaces/acme/mail-demo").body()),
                "text", "Friday works for us.\r\n\r\nOn Mon, 3 Mar 2025, Northwind <team@agency.example> wrote:\r\n"
                        + "> When can we meet?\r\n\r\n-- \r\nCarol"));
        assertThat(delivered.statusCode()).isEqualTo(302);

        assertThat(carol.get("/workspaces/acme/mail-demo").body()).contains("Posted into the thread as carol");
        assertThat(messages()).first().satisfies(m -> {
            assertThat(m.authorId().value()).isEqualTo(carolsId);
            assertThat(m.body()).isEqualTo("Friday works for us.");
        });
    }

    @Test
    void aTeamMemberGetsOnlyHisOwnAddressWhateverRecipientHeAsksFor() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob", "demo");
        String carolsId = users.idOf("carol").orElseThrow().value();
        String bobsId = users.idOf("bob").orElseThrow().value();

        String html = bob.get("/workspaces/acme/mail-demo").body();
        bob.postForm("/workspaces/acme/mail-demo/address", Map.of("conversation", general.id().value(),
                "recipient", carolsId, "_csrf", csrfOf(html)));
        String withAddress = bob.get("/workspaces/acme/mail-demo").body();
        Matcher address = ADDRESS.matcher(withAddress);
        assertThat(address.find()).isTrue();
        bob.postForm("/workspaces/acme/mail-demo/inbound", Map.of("to", address.group(), "text", "On my way.",
                "_csrf", csrfOf(withAddress)));

        assertThat(messages()).first().satisfies(m -> {
            assertThat(m.authorId().value()).isEqualTo(bobsId);
            assertThat(m.body()).isEqualTo("On my way.");
        });
    }

    @Test
    void aViewerGetsNoReplyAddress() throws Exception {
        Browser dave = new Browser();
        dave.signIn("dave", "demo");

        String html = dave.get("/workspaces/acme/mail-demo").body();
        dave.postForm("/workspaces/acme/mail-demo/address", Map.of("conversation", general.id().value(),
                "_csrf", csrfOf(html)));

        String after = dave.get("/workspaces/acme/mail-demo").body();
        assertThat(after).contains("No reply address").contains("may not post in this conversation");
        assertThat(ADDRESS.matcher(after).find()).isFalse();
    }

    @Test
    void aRefusedReplyShowsTheReasonAndPostsNothing() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob", "demo");
        int before = messages().size();

        String html = bob.get("/workspaces/acme/mail-demo").body();
        bob.postForm("/workspaces/acme/mail-demo/inbound", Map.of("to", "reply+" + "a".repeat(52)
                + "@reply.agency-portal.example", "text", "Hello", "_csrf", csrfOf(html)));

        assertThat(bob.get("/workspaces/acme/mail-demo").body()).contains("reply was refused");
        assertThat(messages()).hasSize(before);
    }

    private String issueAddress(Browser member, String page) throws Exception {
        assertThat(member.postForm("/workspaces/acme/mail-demo/address", Map.of("conversation", general.id().value(),
                "_csrf", csrfOf(page))).statusCode()).isEqualTo(302);
        Matcher address = ADDRESS.matcher(member.get("/workspaces/acme/mail-demo").body());
        assertThat(address.find()).as("the issued reply address is shown").isTrue();
        return address.group();
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A cookie-keeping client that does not follow redirects. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String user, String password) throws IOException, InterruptedException {
            String token = csrfOf(get("/login").body());
            HttpResponse<String> response = postForm("/login", Map.of("username", user, "password", password,
                    "_csrf", token));
            assertThat(response.statusCode()).isEqualTo(302);
        }
    }
}
