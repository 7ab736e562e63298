package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.Completion;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1 in projects: a page of tasks, a page of projects, a project's milestones (each linked to an approval), a
 * page of status updates and their acknowledgements, the onboarding checklist's progress and the tasks due between
 * two dates each run the same small number of SQL statements for a small and a large workspace (20 vs 2,000 tasks in
 * a list, 5 vs 200 projects, milestones, status updates and acknowledgements), for a team member and for a client,
 * with cold and with warm permission caches. Counted with Hibernate's statistics; the measured numbers are printed as
 * {@code [statement-count] ...} lines.
 */
class ProjectStatementCountIT {

    /** The sizes of one seeded workspace. */
    private record Size(String name, int tasks, int items) {
    }

    private static final Size SMALL = new Size("small", 20, 5);
    private static final Size LARGE = new Size("large", 2_000, 200);

    private static final LocalDate FROM = LocalDate.of(2031, 1, 1);
    private static final LocalDate TO = LocalDate.of(2031, 12, 31);

    /** One tenant's seeded workspace. */
    private record Seeded(Size size, Actor team, Actor client, WorkspaceId ws, ProjectId project, TaskListId list,
                          StatusUpdateId acknowledged) {
    }

    private record World(WorkspaceKit kit, Seeded small, Seeded large) {
    }

    private static final Map<TestDatabase, World> WORLDS = new EnumMap<>(TestDatabase.class);

    private static World world(TestDatabase db) {
        return WORLDS.computeIfAbsent(db, d -> {
            d.reset();
            Stores stores = JpaStores.create(d.emf());
            WorkspaceKit kit = WorkspaceKit.builder().stores(stores).userDirectory((tenant, user) -> true).build();
            return new World(kit, seed(kit, stores, SMALL), seed(kit, stores, LARGE));
        });
    }

    /**
     * A tenant with one workspace holding {@code items} projects (every fourth internal), one client-visible project
     * with {@code items} milestones each linked to a client-visible approval, {@code items} status updates (every
     * fourth internal) and {@code items} acknowledgements of its newest client-visible update, a task list of
     * {@code tasks} tasks and an onboarding checklist of {@code tasks} tasks (every fourth list task internal, every
     * third task done, due dates spread over 2031). Bulk rows go straight to the stores; approvals through the
     * service (they need their own rows).
     */
    private static Seeded seed(WorkspaceKit kit, Stores stores, Size size) {
        String name = size.name();
        Tenant tenant = kit.tenants().create("Agency " + name, UserId.of("lead-" + name));
        Actor lead = Actor.team(tenant.id(), "lead-" + name);
        kit.tenants().addTeamMember(lead, UserId.of("bob-" + name), TenantRole.ACCOUNT_MANAGER);
        Actor bob = Actor.team(tenant.id(), "bob-" + name);
        Actor client = Actor.client(tenant.id(), "client-" + name);
        Workspace workspace = kit.workspaces().create(bob, NewWorkspace.of("Client " + name, "client-" + name));
        WorkspaceId ws = workspace.id();
        kit.members().add(bob, ws, client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        UserId approver = UserId.of("approver-" + name);
        kit.members().add(bob, ws, approver, WorkspaceRole.CLIENT_ADMIN);

        Project main = kit.projects().create(bob, ws, new NewProject("Brand refresh", "", Visibility.CLIENT,
                Optional.of(FROM), Optional.of(TO), bob.userId()));
        TaskList list = kit.tasks().createList(bob, ws, new NewTaskList(Optional.of(main.id()), "Design",
                Visibility.CLIENT));
        TaskList checklist = kit.tasks().onboardingChecklist(bob, ws);

        ProjectStore projects = stores.require(ProjectStore.class);
        MilestoneStore milestones = stores.require(MilestoneStore.class);
        TaskStore tasks = stores.require(TaskStore.class);
        StatusUpdateStore statusUpdates = stores.require(StatusUpdateStore.class);
        Instant start = Instant.parse("2031-01-01T00:00:00Z");
        for (int i = 0; i < size.items(); i++) {
            Instant at = start.plusSeconds(i);
            Visibility visibility = i % 4 == 3 ? Visibility.TEAM : Visibility.CLIENT;
            projects.insert(new Project(ProjectId.of(String.format("%s-p-%05d", name, i)), tenant.id(), ws,
                    "Project " + i, "", visibility, Optional.empty(), Optional.empty(), ProjectHealth.ON_TRACK,
                    bob.userId(), bob.userId(), at, at, 0));
            ApprovalId approval = kit.approvals().requestForDeliverable(bob, ws, "Deliverable " + i, Optional.empty(),
                    NewApproval.of("Sign off " + i, Set.of(approver))).id();
            milestones.insert(new Milestone(MilestoneId.of(String.format("%s-m-%05d", name, i)), tenant.id(), ws,
                    main.id(), "Milestone " + i, Optional.of(FROM.plusDays(i % 300)), true, Optional.of(approval),
                    Optional.empty(), at, at, 0));
            statusUpdates.insert(new StatusUpdate(StatusUpdateId.of(String.format("%s-s-%05d", name, i)),
                    tenant.id(), ws, main.id(), ProjectHealth.ON_TRACK, "Week " + i, "", "", "", visibility,
                    bob.userId(), at, 0));
        }
        StatusUpdateId acknowledged = StatusUpdateId.of(String.format("%s-s-%05d", name, 0));
        for (int i = 0; i < size.items(); i++) {
            statusUpdates.acknowledge(tenant.id(), ws, new Acknowledgement(acknowledged,
                    UserId.of(String.format("reader-%s-%05d", name, i)), start.plusSeconds(i)));
        }
        for (int i = 0; i < size.tasks(); i++) {
            Instant at = start.plusSeconds(i);
            Optional<Completion> done = i % 3 == 0 ? Optional.of(new Completion(at, bob.userId())) : Optional.empty();
            Optional<LocalDate> due = Optional.of(FROM.plusDays(i % 365));
            boolean internal = i % 4 == 3;
            tasks.insert(new Task(TaskId.of(String.format("%s-t-%05d", name, i)), tenant.id(), ws, list.id(),
                    "Task " + i, "", internal ? TaskSide.TEAM : TaskSide.CLIENT, Optional.empty(), due, done,
                    internal ? Visibility.TEAM : Visibility.CLIENT, bob.userId(), at, at, 0));
            tasks.insert(new Task(TaskId.of(String.format("%s-o-%05d", name, i)), tenant.id(), ws, checklist.id(),
                    "Step " + i, "", TaskSide.CLIENT, Optional.of(client.userId()), due, done, Visibility.CLIENT,
                    bob.userId(), at, at, 0));
        }
        return new Seeded(size, bob, client, ws, main.id(), list.id(), acknowledged);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageOfTasksRunsTheSameStatementsFor20And2000TasksInTheList(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "task page (" + who(team) + ")", s -> () -> w.kit().tasks().tasks(actor(s, team),
                    s.ws(), s.list(), PageRequest.first(s == w.small() ? SMALL.tasks() : PageRequest.MAX_LIMIT)));
        }
        assertThat(w.kit().tasks().tasks(w.large().client(), w.large().ws(), w.large().list(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items()).hasSize(PageRequest.MAX_LIMIT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageOfProjectsRunsTheSameStatementsFor5And200ProjectsInTheWorkspace(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "project page (" + who(team) + ")", s -> () -> w.kit().projects().list(actor(s, team),
                    s.ws(), PageRequest.first(s.size().items() + 1)));
            assertConstant(db, w, "project count (" + who(team) + ")",
                    s -> () -> w.kit().projects().count(actor(s, team), s.ws()));
        }
        assertThat(w.kit().projects().list(w.large().team(), w.large().ws(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items()).hasSize(LARGE.items() + 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aProjectsMilestonesWithLinkedApprovalsRunTheSameStatementsFor5And200Milestones(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "milestones with linked approvals (" + who(team) + ")",
                    s -> () -> w.kit().projects().milestones(actor(s, team), s.ws(), s.project()));
        }
        List<Milestone> shownToClient = w.kit().projects().milestones(w.large().client(), w.large().ws(),
                w.large().project());
        assertThat(shownToClient).hasSize(LARGE.items()).allSatisfy(m -> assertThat(m.approval()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageOfStatusUpdatesAndTheirAcknowledgementsRunTheSameStatementsFor5And200(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "status update page (" + who(team) + ")",
                    s -> () -> w.kit().projects().statusUpdates(actor(s, team), s.ws(), s.project(),
                            PageRequest.first(s.size().items())));
            assertConstant(db, w, "acknowledgements of a status update (" + who(team) + ")",
                    s -> () -> w.kit().projects().acknowledgements(actor(s, team), s.ws(), s.acknowledged()));
        }
        assertThat(w.kit().projects().acknowledgements(w.large().client(), w.large().ws(), w.large().acknowledged()))
                .hasSize(LARGE.items());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checklistProgressRunsTheSameStatementsFor20And2000ChecklistTasks(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "checklist progress (" + who(team) + ")",
                    s -> () -> w.kit().tasks().checklistProgress(actor(s, team), s.ws()));
            assertConstant(db, w, "task list progress (" + who(team) + ")",
                    s -> () -> w.kit().tasks().progress(actor(s, team), s.ws(), s.list()));
        }
        assertThat(w.kit().tasks().checklistProgress(w.large().client(), w.large().ws()).total()).isEqualTo(LARGE.tasks());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tasksAndMilestonesDueBetweenDatesRunTheSameStatementsForSmallAndLargeWorkspaces(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "tasks due between dates (" + who(team) + ")",
                    s -> () -> w.kit().tasks().dueBetween(actor(s, team), s.ws(), FROM, TO, 1_000));
            assertConstant(db, w, "milestones due between dates (" + who(team) + ")",
                    s -> () -> w.kit().projects().milestonesDueBetween(actor(s, team), s.ws(), FROM, TO, 1_000));
        }
        assertThat(w.kit().tasks().dueBetween(w.large().team(), w.large().ws(), FROM, TO, 1_000)).hasSize(1_000);
    }

    private static Actor actor(Seeded s, boolean team) {
        return team ? s.team() : s.client();
    }

    private static String who(boolean team) {
        return team ? "team member" : "client";
    }

    /**
     * The small workspace's call and the large workspace's call run the same number of statements, cold and warm,
     * and few.
     */
    private static void assertConstant(TestDatabase db, World w, String what, Function<Seeded, Supplier<Object>> call) {
        // Cold: nothing cached (right after a start or a permission change); warm: the same call again.
        w.kit().authorizer().invalidateAll();
        long smallCold = count(db, call.apply(w.small()));
        long smallWarm = count(db, call.apply(w.small()));
        w.kit().authorizer().invalidateAll();
        long largeCold = count(db, call.apply(w.large()));
        long largeWarm = count(db, call.apply(w.large()));

        System.out.printf("[statement-count] %s, %s: small (%d tasks, %d items) -> %d cold / %d warm;"
                        + " large (%d tasks, %d items) -> %d cold / %d warm%n", db, what, SMALL.tasks(), SMALL.items(),
                smallCold, smallWarm, LARGE.tasks(), LARGE.items(), largeCold, largeWarm);
        assertThat(largeCold).as("%s: cold statements, large vs small", what).isEqualTo(smallCold);
        assertThat(largeWarm).as("%s: warm statements, large vs small", what).isEqualTo(smallWarm);
        assertThat(largeCold).as("%s: cold statements", what).isLessThanOrEqualTo(10);
        assertThat(largeWarm).as("%s: warm statements", what).isLessThanOrEqualTo(6);
    }

    private static long count(TestDatabase db, Supplier<Object> call) {
        Statistics statistics = db.statistics();
        statistics.clear();
        call.get();
        return statistics.getPrepareStatementCount();
    }
}
