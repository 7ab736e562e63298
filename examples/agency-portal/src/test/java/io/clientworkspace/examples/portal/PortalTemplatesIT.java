package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.Membership;
import io.clientworkspace.template.WorkspaceOrigin;
import io.clientworkspace.template.WorkspaceTemplate;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates pages over real HTTP, each request as a signed-in user with its own session: Initech made from the
 * demo template at startup, who may read, edit and use templates, errors by line with the input kept, a revision
 * making a new version, and a retried "new workspace" submit landing on the workspace the first one made.
 * Runs on its own in-memory database (and so its own demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-templates-it;DB_CLOSE_DELAY=-1")
class PortalTemplatesIT {

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
    void initechIsMadeFromTheRetainerTemplateWithItsFoldersAndNoClientUsers() {
        Actor alice = actor("alice", ActorKind.TEAM);
        Workspace initech = workspace("initech");

        Optional<WorkspaceOrigin> origin = kit.templates().origin(alice, initech.id());
        List<String> folders = kit.folders().list(alice, initech.id(), Optional.empty(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(Folder::name).toList();
        List<Membership> members = kit.members().list(alice, initech.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();

        assertThat(initech.name()).isEqualTo("Initech");
        assertThat(origin).hasValueSatisfying(o -> {
            assertThat(o.templateId()).isEqualTo(retainer().id());
            assertThat(o.externalRef()).isEqualTo(DemoTemplates.INITECH_REF);
        });
        assertThat(folders).containsExactlyInAnyOrderElementsOf(DemoTemplates.FOLDERS);
        assertThat(members).extracting(Membership::userId).containsExactly(alice.userId());
    }

    @Test
    void theLibraryListsTheRetainerTemplateWithWhatItMakes() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");

        String body = alice.get("/templates").body();

        assertThat(body).contains(DemoTemplates.RETAINER, "3 folders · 1 project · 4 tasks · 3 checklist items · 1 form",
                "id=\"new-template\"", "new-workspace-link");
    }

    @Test
    void anAccountManagerReadsTemplatesButMayNotEditOrUseThem() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");
        String id = retainer().id().value();

        HttpResponse<String> library = bob.get("/templates");
        HttpResponse<String> template = bob.get("/templates/" + id);
        HttpResponse<String> newTemplate = bob.get("/templates/new");
        HttpResponse<String> newWorkspace = bob.get("/templates/" + id + "/new-workspace");
        String token = bob.csrf("/templates");
        HttpResponse<String> posted = bob.postForm("/templates/" + id + "/new-workspace", Map.of("name", "Bob's client",
                "slug", "bobs-client", "externalRef", "CRM-BOB", "startDate", "2027-01-04", "_csrf", token));

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains(DemoTemplates.RETAINER).doesNotContain("id=\"new-template\"", "new-workspace-link");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).doesNotContain("id=\"template-save\"", "id=\"new-workspace-from-template\"");
        assertThat(newTemplate.statusCode()).isEqualTo(403);
        assertThat(newWorkspace.statusCode()).isEqualTo(403);
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(kit.workspaces().findBySlug(actor("alice", ActorKind.TEAM), "bobs-client")).isEmpty();
    }

    @Test
    void aClientGetsTheForbiddenPageForTemplates() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");

        HttpResponse<String> library = carol.get("/templates");

        assertThat(library.statusCode()).isEqualTo(403);
        assertThat(library.body()).doesNotContain(DemoTemplates.RETAINER);
    }

    @Test
    void badLinesAreReportedByLineNumberAndTheInputIsKept() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String token = alice.csrf("/templates/new");

        HttpResponse<String> response = alice.postForm("/templates", Map.of("key", "broken", "name", "Broken",
                "lead", "alice", "welcome", "", "_csrf", token,
                "definition", "folder | Brand\nproject | P | start=5\nmilestone | Too early | due=2\nfodler | X\n"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("line 4: “fodler” is not a part")
                .contains("milestone | Too early | due=2");
        assertThat(kit.templates().findByKey(actor("alice", ActorKind.TEAM), "broken")).isEmpty();
    }

    @Test
    void aKitErrorIsNamedByTheLineItCameFrom() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String token = alice.csrf("/templates/new");

        HttpResponse<String> response = alice.postForm("/templates", Map.of("key", "broken-two", "name", "Broken",
                "lead", "", "welcome", "", "_csrf", token,
                "definition", "folder | Brand\nproject | P | start=5\nmilestone | Too early | due=2\n"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("line 3: dueOffsetDays must not be before the project");
    }

    @Test
    void savingATemplateAgainMakesANewVersionAndKeepsTheOldOne() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String token = alice.csrf("/templates/new");
        HttpResponse<String> defined = alice.postForm("/templates", Map.of("key", "small-retainer", "name", "Small retainer",
                "lead", "alice", "welcome", "Hello!", "_csrf", token, "definition", "folder | Brand\n"));
        String location = defined.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();

        HttpResponse<String> revised = alice.postForm(path, Map.of("version", "1", "name", "Small retainer",
                "lead", "alice", "welcome", "Hello!", "_csrf", token, "definition", "folder | Brand\nfolder | Contracts\n"));
        String page = alice.get(path).body();

        assertThat(defined.statusCode()).isEqualTo(302);
        assertThat(revised.statusCode()).isEqualTo(302);
        assertThat(page).contains("Version 2", "folder | Contracts", "data-version=\"1\"");
        WorkspaceTemplate latest = kit.templates().findByKey(actor("alice", ActorKind.TEAM), "small-retainer").orElseThrow();
        assertThat(kit.templates().versions(actor("alice", ActorKind.TEAM), latest.id())).hasSize(2);
    }

    @Test
    void aRetriedSubmitWithTheSameReferenceLandsOnTheWorkspaceTheFirstOneMade() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String path = "/templates/" + retainer().id().value() + "/new-workspace";
        String token = alice.csrf(path);
        Map<String, String> form = Map.of("name", "Hooli", "slug", "hooli", "externalRef", "CRM-3001",
                "startDate", "2027-01-04", "contractSigned", "2026-12-20", "_csrf", token);

        HttpResponse<String> first = alice.postForm(path, form);
        HttpResponse<String> again = alice.postForm(path, form);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/workspaces/hooli");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/workspaces/hooli");
        assertThat(kit.workspaces().list(actor("alice", ActorKind.TEAM), PageRequest.first(PageRequest.MAX_LIMIT)).items())
                .filteredOn(w -> w.name().equals("Hooli")).hasSize(1);
    }

    @Test
    void aTakenAddressIsShownNextToItsFieldWithTheInputKept() throws Exception {
        Browser alice = new Browser();
        alice.signIn("alice");
        String path = "/templates/" + retainer().id().value() + "/new-workspace";
        String token = alice.csrf(path);

        HttpResponse<String> response = alice.postForm(path, Map.of("name", "Acme again", "slug", "acme",
                "externalRef", "CRM-4001", "startDate", "2027-01-04", "_csrf", token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"ws-slug-error\"", "value=\"Acme again\"", "value=\"CRM-4001\"");
    }

    // ---- helpers ----

    private WorkspaceTemplate retainer() {
        return kit.templates().findByKey(actor("alice", ActorKind.TEAM), DemoTemplates.RETAINER_KEY).orElseThrow();
    }

    private Actor actor(String name, ActorKind kind) {
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), kind);
    }

    private Workspace workspace(String slug) {
        return kit.workspaces().findBySlug(actor("alice", ActorKind.TEAM), slug).orElseThrow();
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
