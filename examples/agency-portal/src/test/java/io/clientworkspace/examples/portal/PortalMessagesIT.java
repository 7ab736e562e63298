package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.workspace.Workspace;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages pages over real HTTP (signed in through the login form, with CSRF tokens, as a browser would):
 * an internal conversation's URL is the same 404 page for a client as an unknown id, a viewer cannot post, a
 * client's forged internal note is refused, mentions are checked with clear errors and raise a notification,
 * bodies are shown as text, polling returns only what the user may see, and the header counts unread messages.
 *
 * <p>Runs on its own in-memory database (shared with {@link PortalMessagesBrowserIT}), so every test makes the
 * conversations it looks at and counts relative to what exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-messages;DB_CLOSE_DELAY=-1")
class PortalMessagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    @Autowired
    MentionNotifications notifications;

    @Test
    void aClientRequestingAnInternalConversationGetsTheSame404PageAsForAnUnknownId() throws Exception {
        Conversation internal = kit.conversations().startTopic(actor("bob"), acme().id(), "Margins", Visibility.TEAM);
        Browser carol = signedIn("carol");

        HttpResponse<String> hidden = carol.get(thread(internal));
        HttpResponse<String> unknown = carol.get("/workspaces/acme/messages/" + java.util.UUID.randomUUID());

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(hidden.body())).isEqualTo(withoutCsrf(unknown.body())).doesNotContain("Margins");
        assertThat(carol.get("/workspaces/acme/messages").body()).doesNotContain("Margins");
        assertThat(signedIn("bob").get(thread(internal)).body()).contains("Margins", "Internal · team only");
    }

    @Test
    void aViewerSeesNoComposerAndItsForgedPostIsRefusedAndChangesNothing() throws Exception {
        Conversation general = general();
        int before = messagesAsTeam(general).size();
        Browser dave = signedIn("dave");

        HttpResponse<String> page = dave.get(thread(general));
        assertThat(page.body()).doesNotContain("id=\"message-form\"").contains("id=\"read-only\"");
        HttpResponse<String> posted = dave.post(thread(general), Map.of("body", "forged by a viewer",
                "_csrf", dave.csrf("/workspaces/acme/messages")));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("id=\"forbidden\"");
        assertThat(messagesAsTeam(general)).hasSize(before);
    }

    @Test
    void aClientsFormPostWithVisibilityTeamIsRefusedAndChangesNothing() throws Exception {
        Conversation general = general();
        int before = messagesAsTeam(general).size();
        Browser carol = signedIn("carol");
        assertThat(carol.get(thread(general)).body()).contains("id=\"message-form\"").doesNotContain("id=\"internal-note\"");

        HttpResponse<String> posted = carol.post(thread(general), Map.of("body", "a note the client should not post",
                "visibility", "TEAM", "_csrf", carol.csrf(thread(general))));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(messagesAsTeam(general)).hasSize(before);
    }

    @Test
    void theDemoNoteIsShownToTheTeamAsInternalAndNeverToTheClients() throws Exception {
        String note = "Their legal review is the bottleneck.";
        String question = "could we move Thursday&#39;s review to Friday morning?";

        String bobs = signedIn("bob").get(thread(general())).body();
        assertThat(bobs).contains(note, question, "Internal note · team only", "id=\"internal-note\"");
        for (String client : List.of("carol", "dave")) {
            String page = signedIn(client).get(thread(general())).body();
            assertThat(page).as(client).contains(question).doesNotContain(note, "Internal note");
        }
    }

    @Test
    void aPostedBodyIsShownAsTextWithOnlyItsLinksClickable() throws Exception {
        Conversation topic = kit.conversations().startTopic(actor("bob"), acme().id(), "Markup test", Visibility.CLIENT);
        Browser carol = signedIn("carol");

        HttpResponse<String> posted = carol.post(thread(topic), Map.of("body",
                "<script>alert(1)</script> <b>bold</b> see https://example.com/plan?a=1&b=2.", "_csrf", carol.csrf(thread(topic))));
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = carol.get(thread(topic)).body();

        assertThat(page).doesNotContain("<script>alert", "<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; see ")
                .contains("href=\"https://example.com/plan?a=1&amp;b=2\"");
    }

    @Test
    void mentioningAClientInAnInternalNoteIsRefusedNamingThePersonAndPostsNothing() throws Exception {
        Conversation general = general();
        int before = messagesAsTeam(general).size();
        Browser bob = signedIn("bob");

        HttpResponse<String> posted = bob.post(thread(general), Map.of("body", "Carol, see this", "visibility", "TEAM",
                "mentions", users.idOf("carol").orElseThrow().value(), "_csrf", bob.csrf(thread(general))));
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = bob.get(thread(general)).body();

        assertThat(page).contains("Your message was not posted: @carol cannot see this conversation.")
                .contains(">Carol, see this</textarea>");
        assertThat(messagesAsTeam(general)).hasSize(before);
    }

    @Test
    void aMentionRaisesANotificationThePortalRecords() throws Exception {
        Conversation topic = kit.conversations().startTopic(actor("bob"), acme().id(), "Launch date", Visibility.CLIENT);
        Browser bob = signedIn("bob");

        bob.post(thread(topic), Map.of("body", "Dave, FYI", "mentions", users.idOf("dave").orElseThrow().value(),
                "_csrf", bob.csrf(thread(topic))));

        assertThat(notifications.recent()).anySatisfy(n -> {
            assertThat(n.member()).isEqualTo("dave");
            assertThat(n.by()).isEqualTo("bob");
            assertThat(n.conversationId()).isEqualTo(topic.id().value());
        });
        assertThat(signedIn("dave").get(thread(topic)).body()).contains("@dave");
    }

    @Test
    void pollingReturnsNewMessagesButNeverAnInternalNoteToAClient() throws Exception {
        Conversation topic = kit.conversations().startTopic(actor("bob"), acme().id(), "Polling", Visibility.CLIENT);
        Message first = kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.of("first"));
        kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.note("a secret note"));
        kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.of("second for everyone"));
        String poll = thread(topic) + "/new?after=" + first.id().value();

        String clients = signedIn("carol").get(poll).body();
        String teams = signedIn("alice").get(poll).body();

        assertThat(clients).contains("second for everyone").doesNotContain("a secret note", "first");
        assertThat(teams).contains("second for everyone", "a secret note");
        assertThat(signedIn("carol").get(thread(topic) + "/new?after=" + lastId(topic)).body().strip()).isEmpty();
    }

    @Test
    void theHeaderCountsUnreadMessagesAcrossWorkspacesAndOpeningTheThreadReadsThem() throws Exception {
        Conversation topic = kit.conversations().startTopic(actor("bob"), acme().id(), "Unread", Visibility.CLIENT);
        kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.of("one"));
        kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.of("two"));
        kit.conversations().post(actor("bob"), acme().id(), topic.id(), NewMessage.note("not for clients"));
        Browser dave = signedIn("dave");
        long expected = kit.conversations().unreadAcrossWorkspaces(actor("dave")).values().stream()
                .mapToLong(Long::longValue).sum();

        assertThat(headerCount(dave.get("/workspaces").body())).isEqualTo(expected);
        assertThat(dave.get("/workspaces/acme/messages").body())
                .containsPattern("data-title=\"Unread\"[^>]*>\\s*<a[^>]*>\\s*<span class=\"conversation-title\">Unread</span>"
                        + "[\\s\\S]{0,400}?unread-count[^>]*>2<");
        dave.get(thread(topic));

        assertThat(headerCount(dave.get("/workspaces").body())).isEqualTo(expected - 2);
    }

    @Test
    void discussingAFileOpensItsConversationOnceAndListsItUnderTheFilesName() throws Exception {
        FileAsset guidelines = file("Brand guidelines.pdf");
        Browser carol = signedIn("carol");
        String token = carol.csrf("/workspaces/acme/files/" + guidelines.id().value());

        HttpResponse<String> first = carol.post("/workspaces/acme/messages/items", Map.of("type", "FILE",
                "id", guidelines.id().value(), "_csrf", token));
        HttpResponse<String> again = carol.post("/workspaces/acme/messages/items", Map.of("type", "FILE",
                "id", guidelines.id().value(), "_csrf", token));

        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(again.headers().firstValue("Location")).contains(location);
        assertThat(carol.get(java.net.URI.create(location).getPath()).body()).contains("File: Brand guidelines.pdf");
        assertThat(carol.get("/workspaces/acme/messages").body()).contains("data-title=\"File: Brand guidelines.pdf\"");
    }

    @Test
    void discussingAnApprovalOpensItsConversationTitledByTheRequest() throws Exception {
        var approval = kit.approvals().list(actor("bob"), acme().id(), java.util.Optional.empty(), PageRequest.first(500))
                .items().stream().filter(a -> a.title().equals("Approve the homepage mockup")).findFirst().orElseThrow();
        Browser carol = signedIn("carol");
        String page = "/workspaces/acme/approvals/" + approval.id().value();
        assertThat(carol.get(page).body()).contains("id=\"discuss-approval\"");

        HttpResponse<String> opened = carol.post("/workspaces/acme/messages/items", Map.of("type", "APPROVAL",
                "id", approval.id().value(), "_csrf", carol.csrf(page)));

        assertThat(opened.statusCode()).isEqualTo(302);
        String thread = carol.get(java.net.URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath()).body();
        assertThat(thread).contains("Approval: Approve the homepage mockup", "href=\"" + page + "\"");
    }

    @Test
    void aClientAskingForTheConversationOfAnInternalFileGetsThe404Page() throws Exception {
        FileAsset margins = file("Margin calculation.pdf");
        Browser carol = signedIn("carol");

        HttpResponse<String> response = carol.post("/workspaces/acme/messages/items", Map.of("type", "FILE",
                "id", margins.id().value(), "_csrf", carol.csrf("/workspaces/acme/messages")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("id=\"not-found\"");
    }

    // ---- helpers ----

    private FileAsset file(String name) {
        return kit.files().list(actor("bob"), acme().id(), java.util.Optional.empty(), PageRequest.first(500)).items()
                .stream().filter(f -> f.name().equals(name)).findFirst()
                .or(() -> kit.folders().list(actor("bob"), acme().id(), java.util.Optional.empty(), PageRequest.first(500))
                        .items().stream().flatMap(folder -> kit.files().list(actor("bob"), acme().id(),
                                java.util.Optional.of(folder.id()), PageRequest.first(500)).items().stream())
                        .filter(f -> f.name().equals(name)).findFirst())
                .orElseThrow();
    }

    private Actor actor(String name) {
        boolean team = name.equals("alice") || name.equals("bob");
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), team ? ActorKind.TEAM : ActorKind.CLIENT);
    }

    private Workspace acme() {
        return kit.workspaces().findBySlug(actor("alice"), "acme").orElseThrow();
    }

    private Conversation general() {
        return kit.conversations().general(actor("bob"), acme().id());
    }

    private List<Message> messagesAsTeam(Conversation conversation) {
        return kit.conversations().messages(actor("bob"), acme().id(), conversation.id(), PageRequest.first(500)).items();
    }

    private String lastId(Conversation conversation) {
        return kit.conversations().messages(actor("carol"), acme().id(), conversation.id(), PageRequest.first(1))
                .items().get(0).id().value();
    }

    private static String thread(Conversation conversation) {
        return "/workspaces/acme/messages/" + conversation.id().value();
    }

    private static String withoutCsrf(String html) {
        return CSRF.matcher(html).replaceAll("name=\"_csrf\" value=\"\"");
    }

    private static long headerCount(String html) {
        Matcher m = Pattern.compile("id=\"header-unread-count\">(\\d+)<").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private Browser signedIn(String user) throws IOException, InterruptedException {
        Browser browser = new Browser();
        browser.signIn(user);
        return browser;
    }

    /** A visitor with its own cookies (its session), following no redirects. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            List<String> pairs = new ArrayList<>();
            fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of the first form on the page. */
        String csrf(String path) throws IOException, InterruptedException {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
            return m.group(1);
        }

        void signIn(String user) throws IOException, InterruptedException {
            HttpResponse<String> response = post("/login", Map.of("username", user, "password", DemoData.PASSWORD,
                    "_csrf", csrf("/login")));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
