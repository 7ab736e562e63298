package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.NewRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests and forms pages over real HTTP, each request as a signed-in user with its own session: what each
 * role sees and may do, and that a request of another workspace is "not found" however its URL is written.
 * Runs on its own in-memory database (and so its own demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-requests-it;DB_CLOSE_DELAY=-1")
class PortalRequestsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    @Test
    void aClientOpeningAnotherWorkspacesRequestUrlGetsTheNotFoundPage() throws Exception {
        ClientRequest globex = kit.requests().submit(actor("erin", ActorKind.CLIENT), workspace("globex").id(),
                NewRequest.of("Globex only", "Not for Acme's eyes."));
        Browser carol = new Browser();
        carol.signIn("carol");

        HttpResponse<String> viaOwnWorkspace = carol.get("/workspaces/acme/requests/" + globex.id().value());
        HttpResponse<String> viaTheirWorkspace = carol.get("/workspaces/globex/requests/" + globex.id().value());

        assertThat(viaOwnWorkspace.statusCode()).isEqualTo(404);
        assertThat(viaOwnWorkspace.body()).contains("id=\"not-found\"").doesNotContain("Globex only");
        assertThat(viaTheirWorkspace.statusCode()).isEqualTo(404);
        assertThat(viaTheirWorkspace.body()).contains("id=\"not-found\"").doesNotContain("Globex only");
    }

    @Test
    void aViewerSeesNoSubmitButtonAndAPostedRequestIsRefusedWithTheForbiddenPage() throws Exception {
        Browser dave = new Browser();
        dave.signIn("dave");
        int before = acmeRequests().size();

        HttpResponse<String> page = dave.get("/workspaces/acme/requests/new");
        String token = dave.csrf("/workspaces/acme/requests");
        HttpResponse<String> posted = dave.postForm("/workspaces/acme/requests",
                Map.of("title", "Viewer's request", "description", "", "priority", "NORMAL", "_csrf", token));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"cannot-submit\"").doesNotContain("id=\"request-submit\"");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(acmeRequests()).hasSize(before);
    }

    @Test
    void theClientSeesItsOpenRequestWithStatusAndPriorityOnTheRequestsTab() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");

        String body = carol.get("/workspaces/acme/requests").body();

        assertThat(body).contains(DemoRequests.CAROL_REQUEST, "Submitted", "High", "id=\"new-request\"");
    }

    @Test
    void theTeamsInboxListsOpenRequestsAcrossWorkspacesAndAClientHasNone() throws Exception {
        kit.requests().submit(actor("erin", ActorKind.CLIENT), workspace("globex").id(),
                NewRequest.of("Globex inbox item", "For the team."));
        Browser alice = new Browser();
        alice.signIn("alice");
        Browser carol = new Browser();
        carol.signIn("carol");

        String inbox = alice.get("/inbox").body();
        HttpResponse<String> clientInbox = carol.get("/inbox");

        assertThat(inbox).contains(DemoRequests.CAROL_REQUEST, "Globex inbox item", "Acme Corp");
        assertThat(clientInbox.statusCode()).isEqualTo(404);
    }

    @Test
    void theInboxFiltersByAssigneeSoNobodysRequestsAreNotMine() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");

        String mine = bob.get("/inbox?assignee=me").body();
        String nobodys = bob.get("/inbox?assignee=none").body();

        assertThat(mine).contains("id=\"inbox-empty\"").doesNotContain(DemoRequests.CAROL_REQUEST);
        assertThat(nobodys).contains(DemoRequests.CAROL_REQUEST);
    }

    @Test
    void theGlobexHomeShowsTheOpenIntakeFormWithItsDueDate() throws Exception {
        Browser erin = new Browser();
        erin.signIn("erin");

        String home = erin.get("/workspaces/globex").body();

        assertThat(home).contains(DemoRequests.BRAND_QUESTIONNAIRE + " — due ");
    }

    @Test
    void aTenantAdminRevisingAFormWithABadLineSeesTheErrorByLineAndNothingChanges() throws Exception {
        FormDefinition brand = libraryForm(DemoRequests.BRAND_QUESTIONNAIRE);
        Browser alice = new Browser();
        alice.signIn("alice");
        String token = alice.csrf("/forms/" + brand.id().value());

        HttpResponse<String> response = alice.postForm("/forms/" + brand.id().value(), Map.of("_csrf", token,
                "version", String.valueOf(brand.version()), "name", brand.name(),
                "definition", "short | company | Company | required\nshrt | tone | Tone"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("line 2: “shrt” is not a field kind");
        assertThat(libraryForm(DemoRequests.BRAND_QUESTIONNAIRE).version()).isEqualTo(brand.version());
    }

    @Test
    void aTenantAdminRevisesAFormIntoANewVersion() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String token = alice.csrf("/forms/new");
        HttpResponse<String> created = alice.postForm("/forms", Map.of("_csrf", token, "key", "kickoff",
                "name", "Kickoff checklist", "definition", "short | goal | Main goal | required"));
        String location = created.headers().firstValue("Location").orElse("");
        FormDefinition kickoff = libraryForm("Kickoff checklist");

        token = alice.csrf("/forms/" + kickoff.id().value());
        HttpResponse<String> revised = alice.postForm("/forms/" + kickoff.id().value(), Map.of("_csrf", token,
                "version", "1", "name", "Kickoff checklist",
                "definition", "short | goal | Main goal | required\ndate | start | Start date"));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(location).endsWith("/forms/" + kickoff.id().value());
        assertThat(revised.statusCode()).isEqualTo(302);
        FormDefinition latest = libraryForm("Kickoff checklist");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.fields()).hasSize(2);
    }

    @Test
    void aTeamMemberWhoIsNoTenantAdminCannotDefineLibraryForms() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");

        HttpResponse<String> library = bob.get("/forms");
        HttpResponse<String> newForm = bob.get("/forms/new");

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains(DemoRequests.BRAND_QUESTIONNAIRE).doesNotContain("id=\"new-form\"");
        assertThat(newForm.statusCode()).isEqualTo(403);
    }

    @Test
    void aClientAttachesAVisibleFileToAFreeFormRequestAndTheRequestPageLinksIt() throws Exception {
        FileAsset guidelines = acmeFile("Brand guidelines.pdf");
        Browser carol = new Browser();
        carol.signIn("carol");
        String token = carol.csrf("/workspaces/acme/requests/new");

        HttpResponse<String> posted = carol.postForm("/workspaces/acme/requests", Map.of("_csrf", token,
                "title", "Use the new guidelines", "description", "See the attached file.", "priority", "LOW",
                "attachments", guidelines.id().value()));
        HttpResponse<String> page = carol.get(posted.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(page.body()).contains("id=\"request-attachments\"", "Brand guidelines.pdf", "Use the new guidelines");
    }

    @Test
    void aClientCannotAttachTheInternalFileAndLearnsNothingAboutIt() throws Exception {
        FileAsset internal = acmeFile("Margin calculation.pdf");
        Browser carol = new Browser();
        carol.signIn("carol");
        int before = acmeRequests().size();
        String token = carol.csrf("/workspaces/acme/requests/new");

        HttpResponse<String> posted = carol.postForm("/workspaces/acme/requests", Map.of("_csrf", token,
                "title", "Sneaky", "description", "", "priority", "NORMAL", "attachments", internal.id().value()));

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("no such file in this workspace").doesNotContain("Margin calculation");
        assertThat(acmeRequests()).hasSize(before);
    }

    @Test
    void theTeamAssignsALibraryFormWithADueDateAndTheClientSeesItOnItsHome() throws Exception {
        FormDefinition brand = libraryForm(DemoRequests.BRAND_QUESTIONNAIRE);
        Browser bob = new Browser();
        bob.signIn("bob");
        String token = bob.csrf("/workspaces/acme");

        HttpResponse<String> assigned = bob.postForm("/workspaces/acme/assignments", Map.of("_csrf", token,
                "formId", brand.id().value(), "title", "Acme brand questionnaire", "due", "2027-01-31"));
        Browser carol = new Browser();
        carol.signIn("carol");

        assertThat(assigned.statusCode()).isEqualTo(302);
        assertThat(carol.get("/workspaces/acme").body()).contains("Acme brand questionnaire — due 2027-01-31");
    }

    @Test
    void aViewerSeesTheIntakeFormWithoutDraftOrSubmitButtonsAndAPostedDraftIsForbidden() throws Exception {
        kit.forms().assign(actor("bob", ActorKind.TEAM), workspace("acme").id(),
                libraryForm(DemoRequests.BRAND_QUESTIONNAIRE).id(), "For the viewer", Optional.empty());
        String id = kit.forms().assignments(actor("bob", ActorKind.TEAM), workspace("acme").id(), Optional.empty(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().filter(a -> a.title().equals("For the viewer"))
                .findFirst().orElseThrow().id().value();
        Browser dave = new Browser();
        dave.signIn("dave");

        HttpResponse<String> page = dave.get("/workspaces/acme/assignments/" + id);
        String token = dave.csrf("/workspaces/acme/assignments/" + id);
        HttpResponse<String> posted = dave.postForm("/workspaces/acme/assignments/" + id, Map.of("_csrf", token,
                "version", "0", "action", "draft", "a.company", "Dave's draft"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("For the viewer").doesNotContain("id=\"save-draft\"", "id=\"submit-assignment\"");
        assertThat(posted.statusCode()).isEqualTo(403);
    }

    // ---- helpers ----

    private FileAsset acmeFile(String name) {
        Actor bob = actor("bob", ActorKind.TEAM);
        Workspace acme = workspace("acme");
        java.util.List<FileAsset> all = new java.util.ArrayList<>(kit.files().list(bob, acme.id(), Optional.empty(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items());
        kit.folders().list(bob, acme.id(), Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .forEach(f -> all.addAll(kit.files().list(bob, acme.id(), Optional.of(f.id()),
                        PageRequest.first(PageRequest.MAX_LIMIT)).items()));
        return all.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private Actor actor(String name, ActorKind kind) {
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), kind);
    }

    private Workspace workspace(String slug) {
        return kit.workspaces().findBySlug(actor("alice", ActorKind.TEAM), slug).orElseThrow();
    }

    private List<ClientRequest> acmeRequests() {
        return kit.requests().list(actor("bob", ActorKind.TEAM), workspace("acme").id(), Set.of(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private FormDefinition libraryForm(String name) {
        return kit.forms().list(actor("alice", ActorKind.TEAM), Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A visitor with its own cookies (its session), following no redirects. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF token of the first form on the page at {@code path} (the header's sign-out form at least). */
        String csrf(String path) throws IOException, InterruptedException {
            String html = get(path).body();
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
            return m.group(1);
        }

        void signIn(String user) throws IOException, InterruptedException {
            String token = csrf("/login");
            HttpResponse<String> response = postForm("/login", Map.of("username", user, "password", DemoData.PASSWORD,
                    "_csrf", token));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }
    }
}
