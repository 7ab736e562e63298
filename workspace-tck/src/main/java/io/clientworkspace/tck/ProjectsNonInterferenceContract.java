package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.NewUpload;
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
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Non-interference for the projects feature: a client's every answer about projects, milestones, task lists, tasks,
 * the onboarding checklist, status updates, progress, counts, cursors and errors is the same whether or not the
 * workspace holds internal projects, lists, tasks and status updates. Extend it and implement {@link #createStores()}.
 *
 * <p>Each run builds two workspaces in two tenants of the stores under test, each through its own kit with a pinned
 * clock and sequential ids, by the same shared steps; the second also gets internal items interleaved (chosen by the
 * seed): internal projects with milestones and status updates, internal lists, internal tasks inside client-visible
 * lists (before, between and after the client's tasks, some moved, completed, overdue or deleted), internal status
 * updates of the client-visible project (with another health), the overdue sweep raising for internal tasks, and a
 * refused attempt to link an approval of an internal file to the client's milestone. The
 * client's own operations are recorded; then a client admin and a client viewer ask everything and address the
 * internal items by id (fresh ids of the same shape in the plain world). Both {@link Transcript}s must be equal.
 */
public abstract class ProjectsNonInterferenceContract extends StoreContractSupport {

    private static final Pattern IDS = Pattern.compile("pid[PM]\\d{9}");
    private static final Instant START = Instant.parse("2031-05-01T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2031, 5, 1);
    private static final int MAX_PAGES = 2_000;

    /** A clock pinned by the script to the same instant at the same step in both worlds. */
    private static final class StepClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** One world: its kit, actors, the shared items and (in the mixed world) the internal ones. */
    private static final class World {
        final WorkspaceKit kit;
        final StepClock clock;
        final IdGenerator ids;
        final Transcript transcript = Transcript.matchingIds(IDS);
        final boolean internal;
        final Random hidden;
        final WorkspaceId ws;
        final Actor lead;
        final Actor tom;
        final Actor client;
        final Actor viewer;
        @Nullable Project project;
        @Nullable TaskList list;
        @Nullable TaskList checklist;
        final List<Task> tasks = new ArrayList<>();
        final List<Milestone> milestones = new ArrayList<>();
        final List<StatusUpdate> updates = new ArrayList<>();
        final List<String> hiddenProjects = new ArrayList<>();
        final List<String> hiddenLists = new ArrayList<>();
        final List<String> hiddenTasks = new ArrayList<>();
        final List<String> hiddenUpdates = new ArrayList<>();

        World(WorkspaceKit kit, StepClock clock, IdGenerator ids, boolean internal, long seed, WorkspaceId ws,
              Actor lead, Actor tom, Actor client, Actor viewer) {
            this.ws = ws;
            this.lead = lead;
            this.tom = tom;
            this.client = client;
            this.viewer = viewer;
            this.kit = kit;
            this.clock = clock;
            this.ids = ids;
            this.internal = internal;
            this.hidden = new Random(seed);
        }

        Project project() {
            return requireNonNull(project, "the script creates the project first");
        }

        TaskList list() {
            return requireNonNull(list, "the script creates the list early");
        }

        TaskList checklist() {
            return requireNonNull(checklist, "the script creates the checklist");
        }

        void step(int step) {
            clock.now = START.plusSeconds(60L * step);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 20261206L})
    void aClientsAnswersAboutProjectsAndTasksAreTheSameWhetherOrNotInternalItemsExist(long seed) {
        World plain = world("P", false, seed);
        World mixed = world("M", true, seed);
        script(plain);
        script(mixed);
        // Ids a client must not tell from ids that do not exist: the mixed world's internal ones, and as many fresh
        // ids of the same shape in the plain world.
        List<String> projects = fresh(plain, mixed.hiddenProjects.size());
        List<String> lists = fresh(plain, mixed.hiddenLists.size());
        List<String> tasks = fresh(plain, mixed.hiddenTasks.size());
        List<String> updates = fresh(plain, mixed.hiddenUpdates.size());
        for (World w : List.of(plain, mixed)) {
            for (Actor a : List.of(w.client, w.viewer)) {
                askEverything(w, a);
                askAbout(w, a, w.internal ? w.hiddenProjects : projects, w.internal ? w.hiddenLists : lists,
                        w.internal ? w.hiddenTasks : tasks, w.internal ? w.hiddenUpdates : updates);
            }
            changeEverything(w);
            for (Actor a : List.of(w.client, w.viewer)) {
                askEverything(w, a);
            }
        }
        Transcript.assertSameAnswers("projects, seed " + seed, plain.transcript, mixed.transcript);
    }

    private static List<String> fresh(World plain, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(plain.ids.newId());
        }
        return ids;
    }

    private World world(String prefix, boolean internal, long seed) {
        StepClock clock = new StepClock();
        AtomicLong counter = new AtomicLong();
        IdGenerator ids = () -> String.format("pid%s%09d", prefix, counter.incrementAndGet());
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores()).clock(clock).idGenerator(ids).cacheTicker(() -> 0L)
                .userDirectory((tenant, user) -> true).build();
        var tenant = kit.tenants().create("Agency", UserId.of("lead" + prefix)).id();
        Actor lead = Actor.team(tenant, "lead" + prefix);
        Actor tom = Actor.team(tenant, "tom" + prefix);
        Actor client = Actor.client(tenant, "client" + prefix);
        Actor viewer = Actor.client(tenant, "viewer" + prefix);
        WorkspaceId ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme")).id();
        kit.tenants().addTeamMember(lead, tom.userId(), TenantRole.TEAM_MEMBER);
        kit.members().add(lead, ws, tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(lead, ws, client.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(lead, ws, viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
        World w = new World(kit, clock, ids, internal, seed, ws, lead, tom, client, viewer);
        for (Actor a : List.of(lead, tom, client, viewer)) {
            String id = a.userId().value();
            w.transcript.alias(id, id.substring(0, id.length() - 1));
        }
        return w;
    }

    // ------------------------------------------------------------------------------------------ the script

    private static NewTask task(String title, TaskSide side, Optional<UserId> assignee, Optional<LocalDate> due,
                                Visibility visibility) {
        return new NewTask(title, "notes of " + title, side, assignee, due, visibility);
    }

    /** Writes an operation's outcome (shared operations only). */
    private static @Nullable Object shared(World w, String label, java.util.function.Supplier<?> op) {
        return w.transcript.call(label, op);
    }

    /** Between shared steps, in the mixed world only: zero to three internal operations chosen by the seed. */
    private static void interleave(World w) {
        if (!w.internal) {
            return;
        }
        int count = w.hidden.nextInt(4);
        for (int i = 0; i < count; i++) {
            internalStep(w);
        }
    }

    /**
     * In the world with internal items: an approval of an internal file, and an attempt to link it to the client's
     * milestone, which is refused and leaves no trace (the shared steps deliver that milestone at version 0).
     */
    private static void tryToLinkAnInternalApproval(World w) {
        if (!w.internal) {
            return;
        }
        var file = w.kit.files().upload(w.lead, w.ws, NewUpload.of("margins.txt", "text/plain").internal(),
                new ByteArrayInputStream("margins".getBytes(StandardCharsets.UTF_8)));
        ApprovalRequest review = w.kit.approvals().requestForFile(w.lead, w.ws, file.id(), 1,
                NewApproval.of("Margins", Set.of(w.lead.userId())));
        Milestone shown = w.milestones.get(0);
        try {
            w.kit.projects().linkApproval(w.lead, w.ws, shown.id(), Optional.of(review.id()), 0);
        } catch (ValidationException expected) {
            return;
        }
        throw new AssertionError("an internal approval was linked to a client-visible milestone");
    }

    private static void internalStep(World w) {
        var p = w.kit.projects();
        var t = w.kit.tasks();
        switch (w.hidden.nextInt(8)) {
            case 0 -> {
                Project secret = p.create(w.lead, w.ws, new NewProject("Brand refresh", "margins", Visibility.TEAM,
                        Optional.of(TODAY), Optional.of(TODAY.plusDays(30)), w.lead.userId()));
                w.hiddenProjects.add(secret.id().value());
                p.addMilestone(w.lead, w.ws, secret.id(), new NewMilestone("Concepts", Optional.of(TODAY.minusDays(2)),
                        false));
                w.hiddenUpdates.add(p.postStatus(w.lead, w.ws, secret.id(), new NewStatusUpdate(ProjectHealth.OFF_TRACK,
                        "Internal", "", "", "", Visibility.CLIENT)).id().value());
            }
            case 1 -> {
                if (w.project != null) {
                    TaskList l = t.createList(w.lead, w.ws, new NewTaskList(Optional.of(w.project().id()), "Design",
                            Visibility.TEAM));
                    w.hiddenLists.add(l.id().value());
                    w.hiddenTasks.add(t.addTask(w.lead, w.ws, l.id(), task("Check margins", TaskSide.TEAM,
                            Optional.empty(), Optional.of(TODAY.minusDays(1)), Visibility.CLIENT)).id().value());
                } else {
                    TaskList l = t.createList(w.lead, w.ws, new NewTaskList(Optional.empty(), "Design", Visibility.TEAM));
                    w.hiddenLists.add(l.id().value());
                }
            }
            case 2, 3 -> {
                if (w.list != null) {
                    Task h = t.addTask(w.lead, w.ws, w.list().id(), task("Upload your logo", TaskSide.TEAM,
                            Optional.of(w.tom.userId()), Optional.of(TODAY.minusDays(1 + w.hidden.nextInt(3))),
                            Visibility.TEAM));
                    w.hiddenTasks.add(h.id().value());
                }
            }
            case 4 -> {
                if (w.list != null && !w.hiddenTasks.isEmpty()) {
                    // Moves an internal task of the client's list to the front, right after a client task, or to
                    // the end (after the last task the team sees).
                    TaskId h = TaskId.of(w.hiddenTasks.get(w.hidden.nextInt(w.hiddenTasks.size())));
                    var found = t.find(w.lead, w.ws, h).filter(x -> x.listId().equals(w.list().id()));
                    if (found.isPresent()) {
                        List<Task> all = t.tasks(w.lead, w.ws, w.list().id(), PageRequest.first(500)).items();
                        Optional<TaskId> after = switch (w.hidden.nextInt(3)) {
                            case 0 -> Optional.empty();
                            case 1 -> w.tasks.isEmpty() ? Optional.empty()
                                    : Optional.of(w.tasks.get(w.hidden.nextInt(w.tasks.size())).id());
                            default -> Optional.of(all.get(all.size() - 1).id());
                        };
                        if (!after.equals(Optional.of(h))) {
                            t.move(w.lead, w.ws, h, after, found.get().version());
                        }
                    }
                }
            }
            case 5 -> {
                if (w.project != null) {
                    w.hiddenUpdates.add(p.postStatus(w.lead, w.ws, w.project().id(), new NewStatusUpdate(
                            ProjectHealth.OFF_TRACK, "Internal: they are late", "", "", "", Visibility.TEAM)).id().value());
                }
            }
            case 6 -> {
                if (!w.hiddenTasks.isEmpty()) {
                    TaskId h = TaskId.of(w.hiddenTasks.get(w.hidden.nextInt(w.hiddenTasks.size())));
                    t.find(w.lead, w.ws, h).ifPresent(x -> t.complete(w.lead, w.ws, h, x.version()));
                }
            }
            default -> {
                if (w.hiddenTasks.size() > 2) {
                    // A deleted internal task: its id must still answer like one that never existed.
                    TaskId h = TaskId.of(w.hiddenTasks.get(w.hidden.nextInt(w.hiddenTasks.size())));
                    t.find(w.lead, w.ws, h).ifPresent(x -> t.delete(w.lead, w.ws, h, x.version()));
                }
            }
        }
    }

    private static void script(World w) {
        var p = w.kit.projects();
        var t = w.kit.tasks();
        w.step(0);
        interleave(w);
        w.step(1);
        w.project = (Project) shared(w, "create project", () -> p.create(w.lead, w.ws, new NewProject("Brand refresh",
                "The new brand", Visibility.CLIENT, Optional.of(TODAY.minusDays(10)), Optional.of(TODAY.plusDays(50)),
                w.lead.userId())));
        interleave(w);
        w.step(2);
        w.milestones.add((Milestone) shared(w, "milestone 1", () -> p.addMilestone(w.lead, w.ws, w.project().id(),
                new NewMilestone("Concepts", Optional.of(TODAY.minusDays(1)), false))));
        w.milestones.add((Milestone) shared(w, "milestone 2", () -> p.addMilestone(w.lead, w.ws, w.project().id(),
                new NewMilestone("Launch", Optional.of(TODAY.plusDays(20)), false))));
        tryToLinkAnInternalApproval(w);
        interleave(w);
        w.step(3);
        w.list = (TaskList) shared(w, "create list", () -> t.createList(w.lead, w.ws,
                new NewTaskList(Optional.of(w.project().id()), "Design", Visibility.CLIENT)));
        interleave(w);
        List<NewTask> shared = List.of(
                task("Upload your logo", TaskSide.CLIENT, Optional.of(w.client.userId()), Optional.of(TODAY.minusDays(1)),
                        Visibility.CLIENT),
                task("Design the logo", TaskSide.TEAM, Optional.of(w.tom.userId()), Optional.of(TODAY.plusDays(3)),
                        Visibility.CLIENT),
                task("Approve the brief", TaskSide.CLIENT, Optional.empty(), Optional.empty(), Visibility.CLIENT),
                task("Send the fonts", TaskSide.CLIENT, Optional.empty(), Optional.of(TODAY.minusDays(2)),
                        Visibility.CLIENT),
                task("Print run", TaskSide.TEAM, Optional.empty(), Optional.empty(), Visibility.CLIENT));
        for (int i = 0; i < shared.size(); i++) {
            int n = i;
            w.step(4 + i);
            w.tasks.add((Task) shared(w, "add task " + n, () -> t.addTask(w.lead, w.ws, w.list().id(), shared.get(n))));
            interleave(w);
        }
        w.step(10);
        shared(w, "move task 2 first", () -> t.move(w.lead, w.ws, w.tasks.get(2).id(), Optional.empty(), 0));
        interleave(w);
        w.step(11);
        shared(w, "move task 0 after task 3", () -> t.move(w.lead, w.ws, w.tasks.get(0).id(),
                Optional.of(w.tasks.get(3).id()), 0));
        interleave(w);
        w.step(12);
        w.updates.add((StatusUpdate) shared(w, "status 1", () -> p.postStatus(w.lead, w.ws, w.project().id(),
                new NewStatusUpdate(ProjectHealth.AT_RISK, "Week 1", "Concepts", "Reviews", "Fonts late",
                        Visibility.CLIENT))));
        interleave(w);
        w.step(13);
        w.checklist = (TaskList) shared(w, "checklist", () -> t.onboardingChecklist(w.lead, w.ws));
        shared(w, "checklist task 1", () -> t.addTask(w.lead, w.ws, w.checklist().id(), task("Sign the contract",
                TaskSide.CLIENT, Optional.empty(), Optional.empty(), Visibility.CLIENT)));
        shared(w, "checklist task 2", () -> t.addTask(w.lead, w.ws, w.checklist().id(), task("Invite your team",
                TaskSide.CLIENT, Optional.of(w.client.userId()), Optional.empty(), Visibility.CLIENT)));
        interleave(w);
        w.step(14);
        shared(w, "client ticks own task", () -> t.complete(w.client, w.ws, w.tasks.get(0).id(),
                t.get(w.client, w.ws, w.tasks.get(0).id()).version()));
        shared(w, "client ticks team task", () -> t.complete(w.client, w.ws, w.tasks.get(1).id(), 0));
        shared(w, "viewer ticks a task", () -> t.complete(w.viewer, w.ws, w.tasks.get(3).id(), 0));
        shared(w, "client acknowledges", () -> p.acknowledge(w.client, w.ws, w.updates.get(0).id()));
        interleave(w);
        w.step(15);
        shared(w, "overdue sweep raised something", () -> p.sweepOverdue(START.plusSeconds(900), 1_000) > 0);
        interleave(w);
        w.step(16);
        w.updates.add((StatusUpdate) shared(w, "status 2", () -> p.postStatus(w.lead, w.ws, w.project().id(),
                new NewStatusUpdate(ProjectHealth.ON_TRACK, "Week 2", "Logo", "Print", "", Visibility.CLIENT))));
        shared(w, "deliver milestone 1", () -> p.deliver(w.lead, w.ws, w.milestones.get(0).id(), 0));
        interleave(w);
        w.step(17);
    }

    // ------------------------------------------------------------------------------------------ asking

    private static void askEverything(World w, Actor a) {
        Transcript t = w.transcript;
        var p = w.kit.projects();
        var tasks = w.kit.tasks();
        WorkspaceId ws = w.ws;
        String who = "as " + a.userId() + ": ";
        for (int limit : new int[] {1, 2, 50}) {
            pages(t, who + "projects by " + limit, limit, r -> p.list(a, ws, r));
            pages(t, who + "tasks by " + limit, limit, r -> tasks.tasks(a, ws, w.list().id(), r));
            pages(t, who + "checklist by " + limit, limit, r -> tasks.tasks(a, ws, w.checklist().id(), r));
            pages(t, who + "status updates by " + limit, limit, r -> p.statusUpdates(a, ws, w.project().id(), r));
        }
        t.call(who + "project count", () -> p.count(a, ws));
        t.call(who + "project", () -> p.get(a, ws, w.project().id()));
        t.call(who + "find project", () -> p.find(a, ws, w.project().id()));
        t.call(who + "milestones", () -> p.milestones(a, ws, w.project().id()));
        for (Milestone m : w.milestones) {
            t.call(who + "milestone", () -> p.getMilestone(a, ws, m.id()));
        }
        t.call(who + "milestones due", () -> p.milestonesDueBetween(a, ws, TODAY.minusDays(30), TODAY.plusDays(30), 1_000));
        t.call(who + "milestones due, 1", () -> p.milestonesDueBetween(a, ws, TODAY.minusDays(30), TODAY.plusDays(30), 1));
        t.call(who + "lists of project", () -> tasks.lists(a, ws, Optional.of(w.project().id())));
        t.call(who + "workspace lists", () -> tasks.lists(a, ws, Optional.empty()));
        t.call(who + "list", () -> tasks.getList(a, ws, w.list().id()));
        t.call(who + "progress", () -> tasks.progress(a, ws, w.list().id()));
        t.call(who + "checklist", () -> tasks.findOnboardingChecklist(a, ws));
        t.call(who + "create checklist", () -> tasks.onboardingChecklist(a, ws));
        t.call(who + "checklist progress", () -> tasks.checklistProgress(a, ws));
        for (Task task : w.tasks) {
            t.call(who + "task", () -> tasks.get(a, ws, task.id()));
            t.call(who + "task visibility", () -> tasks.effectiveVisibility(a, ws, task.id()));
        }
        t.call(who + "tasks due", () -> tasks.dueBetween(a, ws, TODAY.minusDays(30), TODAY.plusDays(30), 1_000));
        t.call(who + "tasks due, 2", () -> tasks.dueBetween(a, ws, TODAY.minusDays(30), TODAY.plusDays(30), 2));
        for (StatusUpdate u : w.updates) {
            t.call(who + "status update", () -> p.getStatusUpdate(a, ws, u.id()));
            t.call(who + "acknowledgements", () -> p.acknowledgements(a, ws, u.id()));
            t.call(who + "status visibility", () -> p.effectiveVisibility(a, ws, u.id()));
        }
        t.call(who + "onboarding facts", () -> p.onboarding(a, ws));
        for (int limit : new int[] {3, 500}) {
            pages(t, who + "activity by " + limit, limit, r -> w.kit.activity().feed(a, ws, r));
        }
    }

    /** The client addresses internal items by id (fresh ids in the plain world). */
    private static void askAbout(World w, Actor a, List<String> projects, List<String> lists, List<String> taskIds,
                                 List<String> updates) {
        Transcript t = w.transcript;
        var p = w.kit.projects();
        var tasks = w.kit.tasks();
        WorkspaceId ws = w.ws;
        String who = "as " + a.userId() + ": ";
        for (String id : projects) {
            ProjectId project = ProjectId.of(id);
            t.call(who + "hidden project " + id, () -> p.get(a, ws, project));
            t.call(who + "find hidden project " + id, () -> p.find(a, ws, project));
            t.call(who + "milestones of hidden project " + id, () -> p.milestones(a, ws, project));
            t.call(who + "lists of hidden project " + id, () -> tasks.lists(a, ws, Optional.of(project)));
            t.call(who + "updates of hidden project " + id, () -> p.statusUpdates(a, ws, project, PageRequest.first()));
        }
        for (String id : lists) {
            TaskListId list = TaskListId.of(id);
            t.call(who + "hidden list " + id, () -> tasks.getList(a, ws, list));
            t.call(who + "tasks of hidden list " + id, () -> tasks.tasks(a, ws, list, PageRequest.first()));
            t.call(who + "progress of hidden list " + id, () -> tasks.progress(a, ws, list));
        }
        for (String id : taskIds) {
            TaskId task = TaskId.of(id);
            t.call(who + "hidden task " + id, () -> tasks.get(a, ws, task));
            t.call(who + "find hidden task " + id, () -> tasks.find(a, ws, task));
            t.call(who + "tick hidden task " + id, () -> tasks.complete(a, ws, task, 0));
            t.call(who + "untick hidden task " + id, () -> tasks.uncomplete(a, ws, task, 1));
            t.call(who + "visibility of hidden task " + id, () -> tasks.effectiveVisibility(a, ws, task));
            t.call(who + "move after hidden task " + id, () -> tasks.move(a, ws, w.tasks.get(0).id(), Optional.of(task), 0));
        }
        for (String id : updates) {
            StatusUpdateId update = StatusUpdateId.of(id);
            t.call(who + "hidden update " + id, () -> p.getStatusUpdate(a, ws, update));
            t.call(who + "acknowledge hidden update " + id, () -> p.acknowledge(a, ws, update));
            t.call(who + "acknowledgements of hidden update " + id, () -> p.acknowledgements(a, ws, update));
        }
    }

    /** What the client changes after the script: ticks and unticks, acknowledgements, and what it may not do. */
    private static void changeEverything(World w) {
        Transcript t = w.transcript;
        var p = w.kit.projects();
        var tasks = w.kit.tasks();
        Actor c = w.client;
        for (Task task : w.tasks) {
            t.call("client ticks " + task.title(), () -> tasks.complete(c, w.ws, task.id(),
                    tasks.get(c, w.ws, task.id()).version()));
        }
        t.call("client unticks the first", () -> tasks.uncomplete(c, w.ws, w.tasks.get(0).id(),
                tasks.get(c, w.ws, w.tasks.get(0).id()).version()));
        for (Task item : tasks.tasks(c, w.ws, w.checklist().id(), PageRequest.first(50)).items()) {
            t.call("client ticks checklist " + item.title(), () -> tasks.complete(c, w.ws, item.id(), item.version()));
        }
        for (StatusUpdate u : w.updates) {
            t.call("client acknowledges", () -> p.acknowledge(c, w.ws, u.id()));
        }
        t.call("client creates a project", () -> p.create(c, w.ws, new NewProject("Mine", "", Visibility.CLIENT,
                Optional.empty(), Optional.empty(), c.userId())));
        t.call("client adds a task", () -> tasks.addTask(c, w.ws, w.list().id(), task("Mine", TaskSide.CLIENT,
                Optional.empty(), Optional.empty(), Visibility.CLIENT)));
        t.call("client moves a task", () -> tasks.move(c, w.ws, w.tasks.get(4).id(), Optional.empty(), 0));
        t.call("client posts a status", () -> p.postStatus(c, w.ws, w.project().id(), new NewStatusUpdate(
                ProjectHealth.ON_TRACK, "x", "", "", "", Visibility.CLIENT)));
        t.call("client records the contract", () -> p.recordContractSigned(c, w.ws, START));
        t.call("stale tick", () -> tasks.uncomplete(c, w.ws, w.tasks.get(3).id(), 0));
    }

    private static void pages(Transcript t, String label, int limit, Function<PageRequest, Page<?>> list) {
        PageRequest request = PageRequest.first(limit);
        for (int page = 1; page <= MAX_PAGES; page++) {
            PageRequest current = request;
            Page<?> answer = (Page<?>) t.call(label + " page " + page, () -> list.apply(current));
            if (answer == null || answer.nextCursor().isEmpty()) {
                return;
            }
            request = PageRequest.after(answer.nextCursor().get(), limit);
        }
        throw new AssertionError(label + " did not end within " + MAX_PAGES + " pages");
    }
}
