package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Projects tab, the project page, the onboarding checklist and the calendar over real HTTP, each visitor with its
 * own session: what each role sees and may tick, that internal items never reach a client's page, that the kit's
 * refusals come back as the 403 and 404 pages, and the calendar's {@code .ics} feeds. Runs on its own in-memory
 * database (and so its own demo data).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-projects-it;DB_CLOSE_DELAY=-1")
class PortalProjectsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FEED_URL = Pattern.compile("id=\"feed-url\"[^>]*href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    @Test
    void theClientSeesTheProjectWithItsHealthAndNoInternalItem() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");

        String tab = carol.get("/workspaces/acme/projects").body();
        String page = carol.get(projectPath()).body();

        assertThat(tab).contains(DemoProjects.BRAND_REFRESH, "At risk", "id=\"tab-projects\"");
        assertThat(page).contains(DemoProjects.CAROL_TASK, DemoProjects.BOB_TASK, DemoProjects.CLIENT_STATUS,
                DemoProjects.DELIVERED_MILESTONE, "delivered by bob on ");
        assertThat(page).doesNotContain(DemoProjects.INTERNAL_TASK, DemoProjects.INTERNAL_STATUS, "Internal",
                "badge-internal", "id=\"status-form\"", "id=\"add-milestone-form\"");
    }

    @Test
    void theTeamSeesInternalItemsMarkedInternal() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");

        String page = bob.get(projectPath()).body();

        assertThat(page).contains(DemoProjects.INTERNAL_TASK, DemoProjects.INTERNAL_STATUS, "badge-internal",
                "id=\"status-form\"");
    }

    @Test
    void theClientTicksItsOwnTaskButNotBobsWhichHasNoCheckBoxButton() throws Exception {
        Task own = acmeTask(DemoProjects.CAROL_TASK);
        Task bobs = acmeTask(DemoProjects.BOB_TASK);
        Browser carol = new Browser();
        carol.signIn("carol");

        String page = carol.get(projectPath()).body();

        assertThat(taskRow(page, own)).contains("class=\"tick-form\"");
        assertThat(taskRow(page, bobs)).doesNotContain("tick-form").contains("disabled");
    }

    @Test
    void aClientTickingTheTeamOnlyTaskByIdGetsTheNotFoundPageAndNothingChanges() throws Exception {
        Task internal = acmeTask(DemoProjects.INTERNAL_TASK);
        Browser carol = new Browser();
        carol.signIn("carol");
        String token = carol.csrf(projectPath());

        HttpResponse<String> posted = carol.postForm("/workspaces/acme/tasks/" + internal.id().value() + "/completion",
                Map.of("_csrf", token, "done", "true", "version", String.valueOf(internal.version())));

        assertThat(posted.statusCode()).isEqualTo(404);
        assertThat(posted.body()).contains("id=\"not-found\"").doesNotContain(DemoProjects.INTERNAL_TASK);
        assertThat(acmeTask(DemoProjects.INTERNAL_TASK).completed()).isEmpty();
    }

    @Test
    void aViewerSeesTheTaskWithADisabledCheckBoxAndAPostedTickIsForbidden() throws Exception {
        Task carols = acmeTask(DemoProjects.CAROL_TASK);
        Browser dave = new Browser();
        dave.signIn("dave");

        String page = dave.get(projectPath()).body();
        String token = dave.csrf(projectPath());
        HttpResponse<String> posted = dave.postForm("/workspaces/acme/tasks/" + carols.id().value() + "/completion",
                Map.of("_csrf", token, "done", "true", "version", String.valueOf(carols.version())));

        assertThat(taskRow(page, carols)).doesNotContain("tick-form").contains("disabled");
        assertThat(page).doesNotContain("class=\"tick-form\"");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(acmeTask(DemoProjects.CAROL_TASK).completed()).isEqualTo(carols.completed());
    }

    @Test
    void theClientAcknowledgesTheStatusUpdateAndItsPageSaysSeenByCarol() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");
        String page = carol.get(projectPath()).body();
        StatusUpdate update = acmeStatus(DemoProjects.CLIENT_STATUS);

        HttpResponse<String> posted = carol.postForm("/workspaces/acme/status-updates/" + update.id().value()
                + "/acknowledgement", Map.of("_csrf", csrfOf(page)));
        String after = carol.get(projectPath()).body();

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(after).contains("seen by carol on ", "You acknowledged this update.");
    }

    @Test
    void theClientsHomeShowsTheChecklistWithAProgressBarAndNoOnboardingFacts() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");

        String home = carol.get("/workspaces/acme").body();

        assertThat(home).contains("id=\"checklist\"", "<progress", DemoProjects.CHECKLIST_DONE,
                DemoProjects.CHECKLIST_OPEN);
        assertThat(home).containsPattern("id=\"checklist-progress-text\"[^>]*>\\d of 3 done<");
        assertThat(home).doesNotContain("id=\"onboarding-facts\"", "Time to onboard", "Contract signed");
    }

    @Test
    void theTeamsHomeShowsTheOnboardingFactsWithTheTimeToOnboard() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");

        String home = bob.get("/workspaces/acme").body();

        assertThat(home).contains("id=\"onboarding-facts\"", "Contract signed", "First milestone delivered",
                "id=\"add-checklist-item-form\"");
        assertThat(home).containsPattern("id=\"fact-time-to-onboard\"[^>]*>2[01] days<");
    }

    @Test
    void anInternalProjectCountsForTheTeamButNeverForTheClient() throws Exception {
        Actor bob = actor("bob", ActorKind.TEAM);
        Browser carol = new Browser();
        carol.signIn("carol");
        String before = carol.get("/workspaces/acme/projects").body();
        kit.projects().create(bob, acme().id(), new NewProject("Agency retro", "", Visibility.TEAM, Optional.empty(),
                Optional.empty(), bob.userId()));
        Browser bobsBrowser = new Browser();
        bobsBrowser.signIn("bob");

        String after = carol.get("/workspaces/acme/projects").body();
        String team = bobsBrowser.get("/workspaces/acme/projects").body();

        assertThat(projectCount(after)).isEqualTo(projectCount(before));
        assertThat(after).doesNotContain("Agency retro");
        assertThat(projectCount(team)).isGreaterThan(projectCount(after));
    }

    @Test
    void theCalendarListsTheMaintenanceWindowAndDueDatesButNotTheInternalReviewForTheClient() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");

        String page = carol.get("/workspaces/acme/calendar").body();

        assertThat(page).contains(DemoProjects.MAINTENANCE, DemoProjects.CAROL_TASK, "Milestone due",
                "id=\"issue-feed\"", "id=\"download-ics\"");
        assertThat(page).doesNotContain("Internal review", DemoProjects.INTERNAL_TASK, "id=\"schedule-form\"");
    }

    @Test
    void aSubscriptionAddressServesTheClientsFeedWithoutSignInAndAnUnknownTokenIsNotFound() throws Exception {
        Browser carol = new Browser();
        carol.signIn("carol");
        String token = carol.csrf("/workspaces/acme/calendar");
        HttpResponse<String> issued = carol.postForm("/workspaces/acme/calendar/feed-token", Map.of("_csrf", token));
        Matcher url = FEED_URL.matcher(carol.get("/workspaces/acme/calendar").body());
        assertThat(url.find()).as("the feed address on the calendar page").isTrue();
        String path = url.group(1).replaceFirst("^https?://[^/]+", "");

        HttpResponse<String> feed = new Browser().get(path);
        HttpResponse<String> unknown = new Browser().get("/calendar-feeds/" + "a".repeat(52) + ".ics");

        assertThat(issued.statusCode()).isEqualTo(302);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains(DemoProjects.MAINTENANCE, DemoProjects.CAROL_TASK)
                .doesNotContain("Internal review", DemoProjects.INTERNAL_TASK);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("VCALENDAR");
    }

    @Test
    void theTeamSchedulesAnEventThatTheClientThenSees() throws Exception {
        Browser bob = new Browser();
        bob.signIn("bob");
        String token = bob.csrf("/workspaces/acme/calendar");

        HttpResponse<String> posted = bob.postForm("/workspaces/acme/calendar/events", Map.of("_csrf", token,
                "kind", "REVIEW", "title", "Logo review call", "date", java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        .plusDays(3).toString(), "startTime", "15:00", "endTime", "16:00", "visibility", "CLIENT"));
        Browser carol = new Browser();
        carol.signIn("carol");

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(carol.get("/workspaces/acme/calendar").body()).contains("Logo review call", "15:00 UTC – 16:00 UTC");
    }

    // ---- helpers ----

    private String projectPath() {
        Actor bob = actor("bob", ActorKind.TEAM);
        Project brand = kit.projects().list(bob, acme().id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(p -> p.name().equals(DemoProjects.BRAND_REFRESH)).findFirst().orElseThrow();
        return "/workspaces/acme/projects/" + brand.id().value();
    }

    private Task acmeTask(String title) {
        Actor bob = actor("bob", ActorKind.TEAM);
        List<TaskList> lists = new ArrayList<>(kit.tasks().lists(bob, acme().id(), Optional.empty()));
        kit.projects().list(bob, acme().id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .forEach(p -> lists.addAll(kit.tasks().lists(bob, acme().id(), Optional.of(p.id()))));
        return lists.stream().flatMap(l -> kit.tasks().tasks(bob, acme().id(), l.id(),
                        PageRequest.first(PageRequest.MAX_LIMIT)).items().stream())
                .filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private StatusUpdate acmeStatus(String summary) {
        Actor bob = actor("bob", ActorKind.TEAM);
        return kit.projects().list(bob, acme().id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .flatMap(p -> kit.projects().statusUpdates(bob, acme().id(), p.id(), PageRequest.first(PageRequest.MAX_LIMIT))
                        .items().stream())
                .filter(u -> u.summary().equals(summary)).findFirst().orElseThrow();
    }

    /** The HTML of one task's row on a page. */
    private static String taskRow(String page, Task task) {
        int start = page.indexOf("id=\"task-" + task.id().value() + "\"");
        assertThat(start).as("the row of task " + task.title()).isNotNegative();
        int end = page.indexOf("</li>", start);
        return page.substring(start, end);
    }

    private static int projectCount(String page) {
        Matcher m = Pattern.compile("id=\"project-count\"[^>]*>(\\d+)<").matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private Actor actor(String name, ActorKind kind) {
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), kind);
    }

    private Workspace acme() {
        return kit.workspaces().findBySlug(actor("alice", ActorKind.TEAM), "acme").orElseThrow();
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

        String csrf(String path) throws IOException, InterruptedException {
            return csrfOf(get(path).body());
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
