package io.clientworkspace.spring.web;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.tck.Transcript;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Non-interference of projects and tasks through the REST API: two workspaces built by the same script, one with
 * internal items mixed in (an internal project with milestones, lists, tasks and status updates; internal status
 * updates before and after the client's; team-only tasks between, before and after the client's, an internal list in
 * the client's project; internal tasks moved, ticked and changed), then every project and task endpoint a client can
 * call asked by a client contributor and a client viewer: project pages, projects, milestones, status update pages,
 * status updates and their acknowledgements, lists, task pages (several page sizes) and their cursors, tasks,
 * progress, onboarding, ticks, acknowledgements, and the ids of the internal items (against as many ids that exist
 * nowhere). Both transcripts (status, every header, the body; ids, cursors and timestamps numbered) must be equal.
 */
class ProjectNonInterferenceApiTest extends ApiTestSupport {

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_PAGES = 100;

    /** One world: its workspace, its people, what a client may see, and the internal items (mixed world only). */
    private final class World {
        final Transcript transcript = Transcript.matchingIds(UUIDS).normalisingTimestamps();
        final Workspace workspace = workspace(admin);
        final Actor tom = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        final Actor client;
        final Actor viewer;
        final List<String> projects = new ArrayList<>();
        final List<String> milestones = new ArrayList<>();
        final List<String> statusUpdates = new ArrayList<>();
        final List<String> lists = new ArrayList<>();
        final List<String> tasks = new ArrayList<>();
        final List<String> hiddenProjects = new ArrayList<>();
        final List<String> hiddenStatusUpdates = new ArrayList<>();
        final List<String> hiddenLists = new ArrayList<>();
        final List<String> hiddenTasks = new ArrayList<>();

        World() {
            kit.members().add(admin, workspace.id(), tom.userId(), WorkspaceRole.MEMBER);
            client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
            viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
            transcript.alias(admin.userId().value(), "admin");
            transcript.alias(tom.userId().value(), "tom");
            transcript.alias(client.userId().value(), "client");
            transcript.alias(viewer.userId().value(), "viewer");
        }

        WorkspaceId ws() {
            return workspace.id();
        }

        String base() {
            return "/api/workspaces/" + workspace.id().value();
        }

        Project project(String name, Visibility visibility) {
            Project p = kit.projects().create(tom, ws(), new NewProject(name, "about " + name, visibility,
                    Optional.of(LocalDate.of(2026, 11, 1)), Optional.empty(), tom.userId()));
            (visibility == Visibility.TEAM ? hiddenProjects : projects).add(p.id().value());
            return p;
        }

        Milestone milestone(Project p, String title, boolean hidden) {
            Milestone m = kit.projects().addMilestone(tom, ws(), p.id(), new NewMilestone(title,
                    Optional.of(LocalDate.of(2026, 12, 1)), false));
            if (!hidden) {
                milestones.add(m.id().value());
            }
            return m;
        }

        StatusUpdate status(Project p, ProjectHealth health, Visibility visibility, boolean hidden) {
            StatusUpdate s = kit.projects().postStatus(tom, ws(), p.id(), new NewStatusUpdate(health, "week", "d", "n",
                    "r", visibility));
            (hidden ? hiddenStatusUpdates : statusUpdates).add(s.id().value());
            return s;
        }

        TaskList list(Optional<Project> p, String name, Visibility visibility, boolean hidden) {
            TaskList l = kit.tasks().createList(tom, ws(), new NewTaskList(p.map(Project::id), name, visibility));
            (hidden ? hiddenLists : lists).add(l.id().value());
            return l;
        }

        Task task(TaskList l, String title, TaskSide side, Visibility visibility, boolean hidden) {
            Task t = kit.tasks().addTask(tom, ws(), l.id(), new NewTask(title, "notes", side,
                    side == TaskSide.CLIENT ? Optional.of(client.userId()) : Optional.empty(),
                    Optional.of(LocalDate.of(2026, 11, 20)), visibility));
            (hidden ? hiddenTasks : tasks).add(t.id().value());
            return t;
        }
    }

    @Test
    void everyProjectAndTaskAnswerToAClientIsTheSameWhetherOrNotInternalItemsExist() throws Exception {
        World plain = build(false);
        World mixed = build(true);
        List<String> freshProjects = fresh(mixed.hiddenProjects.size());
        List<String> freshStatusUpdates = fresh(mixed.hiddenStatusUpdates.size());
        List<String> freshLists = fresh(mixed.hiddenLists.size());
        List<String> freshTasks = fresh(mixed.hiddenTasks.size());
        for (World w : List.of(plain, mixed)) {
            boolean isMixed = w == mixed;
            for (Actor actor : List.of(w.client, w.viewer)) {
                askEverything(w, actor);
                askAbout(w, actor, isMixed ? w.hiddenProjects : freshProjects,
                        isMixed ? w.hiddenStatusUpdates : freshStatusUpdates, isMixed ? w.hiddenLists : freshLists,
                        isMixed ? w.hiddenTasks : freshTasks);
            }
            changeEverything(w);
            for (Actor actor : List.of(w.client, w.viewer)) {
                askEverything(w, actor);
            }
        }
        Transcript.assertSameAnswers("projects and tasks over REST", plain.transcript, mixed.transcript);
    }

    private World build(boolean internal) {
        World w = new World();
        var tasks = kit.tasks();
        Optional<Project> pricing = Optional.empty();
        if (internal) {
            Project p = w.project("Pricing", Visibility.TEAM);
            pricing = Optional.of(p);
            w.milestone(p, "Margins agreed", true);
            w.status(p, ProjectHealth.OFF_TRACK, Visibility.CLIENT, true);
            TaskList l = w.list(Optional.of(p), "Pricing tasks", Visibility.CLIENT, true);
            w.task(l, "Check rates", TaskSide.TEAM, Visibility.CLIENT, true);
        }
        Project brand = w.project("Brand refresh", Visibility.CLIENT);
        w.milestone(brand, "Concepts", false);
        if (internal) {
            w.status(brand, ProjectHealth.OFF_TRACK, Visibility.TEAM, true);
        }
        w.status(brand, ProjectHealth.AT_RISK, Visibility.CLIENT, false);
        w.milestone(brand, "Launch", false);
        if (internal) {
            w.status(brand, ProjectHealth.ON_HOLD, Visibility.TEAM, true);
            w.list(Optional.of(brand), "Margins", Visibility.TEAM, true);
        }
        TaskList launch = w.list(Optional.of(brand), "Launch", Visibility.CLIENT, false);
        Task before = null;
        if (internal) {
            before = w.task(launch, "Team first", TaskSide.TEAM, Visibility.TEAM, true);
        }
        w.task(launch, "Upload your logo", TaskSide.CLIENT, Visibility.CLIENT, false);
        if (internal) {
            w.task(launch, "Team between", TaskSide.TEAM, Visibility.TEAM, true);
        }
        w.task(launch, "Approve the brief", TaskSide.CLIENT, Visibility.CLIENT, false);
        w.task(launch, "Draft copy", TaskSide.TEAM, Visibility.CLIENT, false);
        if (internal) {
            Task after = w.task(launch, "Team last", TaskSide.TEAM, Visibility.TEAM, true);
            tasks.complete(w.tom, w.ws(), after.id(), 0);
            tasks.move(w.tom, w.ws(), before.id(), Optional.of(after.id()), 0);
            tasks.move(w.tom, w.ws(), after.id(), Optional.empty(), 1);
        }
        TaskList checklist = tasks.onboardingChecklist(w.tom, w.ws());
        w.lists.add(checklist.id().value());
        w.task(checklist, "Sign the brief", TaskSide.CLIENT, Visibility.CLIENT, false);
        if (internal) {
            w.list(Optional.empty(), "Team to-dos", Visibility.TEAM, true);
        }
        w.list(Optional.empty(), "Shared to-dos", Visibility.CLIENT, false);
        return w;
    }

    private static List<String> fresh(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private void askEverything(World w, Actor actor) throws Exception {
        String base = w.base();
        pages(w, actor, base + "/projects", 1);
        ask(w, actor, get(base + "/projects"));
        ask(w, actor, get(base + "/task-lists"));
        ask(w, actor, get(base + "/onboarding"));
        for (String id : w.projects) {
            ask(w, actor, get(base + "/projects/" + id));
            ask(w, actor, get(base + "/projects/" + id + "/milestones"));
            ask(w, actor, get(base + "/task-lists?project=" + id));
            pages(w, actor, base + "/projects/" + id + "/status-updates", 1);
        }
        for (String id : w.milestones) {
            ask(w, actor, get(base + "/milestones/" + id));
        }
        for (String id : w.statusUpdates) {
            ask(w, actor, get(base + "/status-updates/" + id));
            ask(w, actor, get(base + "/status-updates/" + id + "/acknowledgements"));
        }
        for (String id : w.lists) {
            ask(w, actor, get(base + "/task-lists/" + id));
            ask(w, actor, get(base + "/task-lists/" + id + "/progress"));
            ask(w, actor, get(base + "/task-lists/" + id + "/tasks"));
            pages(w, actor, base + "/task-lists/" + id + "/tasks", 1);
            pages(w, actor, base + "/task-lists/" + id + "/tasks", 2);
        }
        for (String id : w.tasks) {
            ask(w, actor, get(base + "/tasks/" + id));
        }
    }

    private void askAbout(World w, Actor actor, List<String> projects, List<String> statusUpdates, List<String> lists,
                          List<String> tasks) throws Exception {
        String base = w.base();
        for (String id : projects) {
            ask(w, actor, get(base + "/projects/" + id));
            ask(w, actor, get(base + "/projects/" + id + "/milestones"));
            ask(w, actor, get(base + "/projects/" + id + "/status-updates"));
            ask(w, actor, get(base + "/task-lists?project=" + id));
            ask(w, actor, json(patch(base + "/projects/" + id), "{\"name\": \"x\", \"expectedVersion\": 0}"));
        }
        for (String id : statusUpdates) {
            ask(w, actor, get(base + "/status-updates/" + id));
            ask(w, actor, get(base + "/status-updates/" + id + "/acknowledgements"));
            ask(w, actor, post(base + "/status-updates/" + id + "/acknowledgements"));
        }
        for (String id : lists) {
            ask(w, actor, get(base + "/task-lists/" + id));
            ask(w, actor, get(base + "/task-lists/" + id + "/tasks"));
            ask(w, actor, get(base + "/task-lists/" + id + "/progress"));
        }
        String first = w.tasks.get(0);
        for (String id : tasks) {
            ask(w, actor, get(base + "/tasks/" + id));
            ask(w, actor, json(post(base + "/tasks/" + id + "/completion"), "{\"expectedVersion\": 0}"));
            ask(w, actor, json(post(base + "/tasks/" + first + "/move"), "{\"after\": \"" + id
                    + "\", \"expectedVersion\": 0}"));
            ask(w, actor, get(base + "/task-lists/" + w.lists.get(0) + "/tasks?cursor=" + id));
        }
    }

    private void changeEverything(World w) throws Exception {
        String base = w.base();
        ask(w, w.client, json(post(base + "/tasks/" + w.tasks.get(0) + "/completion"), "{\"expectedVersion\": 0}"));
        ask(w, w.client, json(post(base + "/tasks/" + w.tasks.get(1) + "/completion"), "{\"expectedVersion\": 0}"));
        ask(w, w.client, json(post(base + "/tasks/" + w.tasks.get(2) + "/completion"), "{\"expectedVersion\": 0}"));
        ask(w, w.viewer, json(post(base + "/tasks/" + w.tasks.get(3) + "/completion"), "{\"expectedVersion\": 0}"));
        ask(w, w.client, json(post(base + "/tasks/" + w.tasks.get(3) + "/completion"), "{\"expectedVersion\": 0}"));
        for (String id : w.statusUpdates) {
            ask(w, w.client, post(base + "/status-updates/" + id + "/acknowledgements"));
            ask(w, w.viewer, post(base + "/status-updates/" + id + "/acknowledgements"));
        }
        ask(w, w.client, json(post(base + "/projects"), "{\"name\": \"Mine\"}"));
        ask(w, w.client, json(post(base + "/task-lists/" + w.lists.get(0) + "/tasks"), "{\"title\": \"Mine\"}"));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body);
    }

    /** Walks a list through all its pages by its nextCursor. */
    private void pages(World w, Actor actor, String path, int limit) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            MockHttpServletResponse response = ask(w, actor, get(url), cursor);
            if (response.getStatus() != 200) {
                return;
            }
            cursor = JsonPath.read(response.getContentAsString(), "$.nextCursor");
            if (cursor == null) {
                return;
            }
        }
        throw new AssertionError(path + " did not end within " + MAX_PAGES + " pages");
    }

    private MockHttpServletResponse ask(World w, Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return ask(w, actor, request, null);
    }

    /** Performs the request as the actor and writes status, headers and body (cursors tokenised) to the transcript. */
    private MockHttpServletResponse ask(World w, Actor actor, MockHttpServletRequestBuilder request, String sentCursor)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(actor))).andReturn().getResponse();
        jakarta.servlet.http.HttpServletRequest sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String query = sent.getQueryString();
        String label = "as " + actor.userId() + ": " + sent.getMethod() + " " + sent.getRequestURI()
                + (query == null ? "" : "?" + query);
        if (sentCursor != null) {
            label = label.replace(sentCursor, w.transcript.token("cursor", sentCursor));
        }
        StringBuilder answer = new StringBuilder().append(response.getStatus());
        for (String name : new TreeSet<>(response.getHeaderNames())) {
            answer.append(' ').append(name).append('=').append(response.getHeaders(name));
        }
        String body = response.getContentAsString();
        if (body.contains("\"nextCursor\"")) {
            String next = JsonPath.read(body, "$.nextCursor");
            if (next != null) {
                body = body.replace(next, w.transcript.token("cursor", next));
            }
        }
        w.transcript.write(label, answer + " " + body);
        return response;
    }
}
