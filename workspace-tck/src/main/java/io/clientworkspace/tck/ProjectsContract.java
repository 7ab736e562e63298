package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectEvent;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The projects feature through {@link WorkspaceKit#projects()} and {@link WorkspaceKit#tasks()} on a store set: the
 * issue's hostile cases (due before start, assigning to another workspace's user or to a viewer, a client ticking a
 * team-only task by id or an unassigned team-side task, moves after itself, after foreign ids, in cycles, concurrent
 * reorder and completion, concurrent first acknowledgements and onboarding checklists, the overdue sweep run twice or
 * on two threads, milestones requiring approval) answer with the documented errors and change nothing. Extend it and
 * implement {@link #createStores()}.
 */
public abstract class ProjectsContract {

    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2031, 3, 1);

    /** A clock the test sets by hand. */
    private static final class SetClock extends Clock {
        private volatile Instant now = NOW;

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

    private final SetClock clock = new SetClock();
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor tom;
    private Actor carol;
    private Actor erin;
    private Actor dave;
    private Actor gary;
    private WorkspaceId acme;
    private WorkspaceId globex;

    /** A new, empty store set providing the projects feature's stores (and every other feature's). */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        kit = WorkspaceKit.builder().stores(createStores()).clock(clock).userDirectory((t, u) -> true)
                .listener(events::add).build();
        var tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        tom = Actor.team(tenant, "tom");
        carol = Actor.client(tenant, "carol");
        erin = Actor.client(tenant, "erin");
        dave = Actor.client(tenant, "dave");
        gary = Actor.client(tenant, "gary");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, tom.userId(), TenantRole.TEAM_MEMBER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme", "acme")).id();
        globex = kit.workspaces().create(bob, NewWorkspace.of("Globex", "globex")).id();
        kit.members().add(bob, acme, tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, acme, erin.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(bob, acme, dave.userId(), WorkspaceRole.CLIENT_VIEWER);
        kit.members().add(bob, globex, gary.userId(), WorkspaceRole.CLIENT_ADMIN);
        events.clear();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private NewProject newProject(String name, Visibility visibility) {
        return new NewProject(name, "", visibility, Optional.of(TODAY), Optional.of(TODAY.plusDays(60)), bob.userId());
    }

    private Project project(Visibility visibility) {
        return kit.projects().create(bob, acme, newProject("Brand refresh", visibility));
    }

    private TaskList list(Project project, Visibility visibility) {
        return kit.tasks().createList(bob, acme, new NewTaskList(Optional.of(project.id()), "Design", visibility));
    }

    private TaskList clientList() {
        return list(project(Visibility.CLIENT), Visibility.CLIENT);
    }

    private static NewTask teamTask(String title) {
        return new NewTask(title, "", TaskSide.TEAM, Optional.empty(), Optional.empty(), Visibility.CLIENT);
    }

    private static NewTask clientTask(String title, Optional<UserId> assignee) {
        return new NewTask(title, "", TaskSide.CLIENT, assignee, Optional.empty(), Visibility.CLIENT);
    }

    private static NewTask internalTask(String title) {
        return new NewTask(title, "", TaskSide.TEAM, Optional.empty(), Optional.empty(), Visibility.TEAM);
    }

    private static NewTask due(NewTask task, LocalDate date) {
        return new NewTask(task.title(), task.notes(), task.side(), task.assignee(), Optional.of(date), task.visibility());
    }

    private Task add(TaskList list, NewTask task) {
        return kit.tasks().addTask(bob, acme, list.id(), task);
    }

    private List<TaskId> order(Actor actor, TaskList list) {
        return kit.tasks().tasks(actor, acme, list.id(), PageRequest.first(500)).items().stream().map(Task::id).toList();
    }

    private Task reread(Task task) {
        return kit.tasks().get(bob, acme, task.id());
    }

    private static List<FieldError> fieldErrors(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).fieldErrors();
    }

    private static List<String> fields(ThrowingCallable call) {
        return fieldErrors(call).stream().map(FieldError::field).toList();
    }

    /** The failure of {@code call}, with every id in its message replaced by {@code <id>}. */
    private static String failureWithout(String id, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isNotNull();
        return thrown.getClass().getSimpleName() + ": " + String.valueOf(thrown.getMessage()).replace(id, "<id>");
    }

    private <E> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    // ------------------------------------------------------------------------------------------ projects

    @Test
    void aTargetDateBeforeTheStartAndEveryOtherBadFieldAreRefusedAtOnceAndStoreNothing() {
        NewProject bad = new NewProject(" ", "", Visibility.CLIENT, Optional.of(TODAY), Optional.of(TODAY.minusDays(1)),
                carol.userId());

        assertThat(fields(() -> kit.projects().create(bob, acme, bad)))
                .contains("name", "targetDate", "owner");
        assertThat(kit.projects().list(bob, acme, PageRequest.first()).items()).isEmpty();
        assertThat(eventsOf(ProjectEvent.class)).isEmpty();
    }

    @Test
    void theOwnerMustBeATeamMemberOfTheWorkspace() {
        NewProject ownedByAClient = new NewProject("Brand", "", Visibility.CLIENT, Optional.empty(), Optional.empty(),
                carol.userId());

        assertThat(fieldErrors(() -> kit.projects().create(bob, acme, ownedByAClient)))
                .containsExactly(FieldError.of("owner", "is not a team member of this workspace"));
    }

    @Test
    void aClientCannotCreateAProject() {
        Throwable thrown = catchThrowable(() -> kit.projects().create(carol, acme, newProject("Mine", Visibility.CLIENT)));

        assertThat(thrown).isInstanceOf(AccessDeniedException.class);
        assertThat(kit.projects().count(bob, acme)).isZero();
    }

    @Test
    void aClientAskingForAnInternalProjectGetsTheSameNotFoundAsForAnUnknownId() {
        Project internal = project(Visibility.TEAM);
        ProjectId unknown = ProjectId.of("no-such-project");

        assertThat(failureWithout(internal.id().value(), () -> kit.projects().get(carol, acme, internal.id())))
                .isEqualTo(failureWithout(unknown.value(), () -> kit.projects().get(carol, acme, unknown)))
                .startsWith("NotFoundException");
        assertThat(kit.projects().find(carol, acme, internal.id())).isEmpty();
        assertThat(failureWithout(internal.id().value(), () -> kit.projects().milestones(carol, acme, internal.id())))
                .isEqualTo(failureWithout(unknown.value(), () -> kit.projects().milestones(carol, acme, unknown)));
        assertThat(failureWithout(internal.id().value(), () -> kit.tasks().lists(carol, acme, Optional.of(internal.id()))))
                .isEqualTo(failureWithout(unknown.value(), () -> kit.tasks().lists(carol, acme, Optional.of(unknown))));
    }

    @Test
    void aProjectOfAnotherWorkspaceIsNotFound() {
        Project inGlobex = kit.projects().create(bob, globex, newProject("Globex site", Visibility.CLIENT));

        assertThat(catchThrowable(() -> kit.projects().get(bob, acme, inGlobex.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(catchThrowable(() -> kit.projects().addMilestone(bob, acme, inGlobex.id(),
                new NewMilestone("x", Optional.empty(), false)))).isInstanceOf(NotFoundException.class);
        assertThat(kit.projects().milestones(bob, globex, inGlobex.id())).isEmpty();
    }

    @Test
    void clientsCountAndListOnlyClientVisibleProjects() {
        Project shared = project(Visibility.CLIENT);
        project(Visibility.TEAM);

        assertThat(kit.projects().count(carol, acme)).isEqualTo(1);
        assertThat(kit.projects().count(bob, acme)).isEqualTo(2);
        assertThat(kit.projects().list(carol, acme, PageRequest.first(1)).items()).containsExactly(shared);
        assertThat(kit.projects().list(carol, acme, PageRequest.first(1)).nextCursor()).isEmpty();
    }

    @Test
    void aStaleProjectUpdateIsAConflictAndChangesNothing() {
        Project created = project(Visibility.CLIENT);
        Project renamed = kit.projects().update(bob, acme, created.id(), newProject("Renamed", Visibility.CLIENT), 0);

        Throwable thrown = catchThrowable(() -> kit.projects().update(bob, acme, created.id(),
                newProject("Lost", Visibility.CLIENT), 0));

        assertThat(thrown).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
        assertThat(kit.projects().get(bob, acme, created.id())).isEqualTo(renamed);
    }

    @Test
    void anArchivedWorkspacesProjectsCanBeReadButNotChanged() {
        Project created = project(Visibility.CLIENT);
        TaskList list = list(created, Visibility.CLIENT);
        Task task = add(list, clientTask("Logo", Optional.empty()));
        kit.workspaces().archive(bob, acme, kit.workspaces().get(bob, acme).version());

        assertThat(catchThrowable(() -> project(Visibility.CLIENT))).isInstanceOf(ArchivedException.class);
        assertThat(catchThrowable(() -> kit.tasks().complete(carol, acme, task.id(), 0)))
                .isInstanceOf(ArchivedException.class);
        assertThat(kit.projects().get(carol, acme, created.id())).isEqualTo(created);
        assertThat(order(carol, list)).containsExactly(task.id());
    }

    // ------------------------------------------------------------------------------------------ milestones

    @Test
    void aMilestoneRequiringApprovalIsDeliveredOnlyOnceItsLinkedApprovalIsApproved() {
        Project created = project(Visibility.CLIENT);
        Milestone m = kit.projects().addMilestone(bob, acme, created.id(),
                new NewMilestone("Concepts", Optional.of(TODAY.plusDays(7)), true));
        Throwable unlinked = catchThrowable(() -> kit.projects().deliver(bob, acme, m.id(), 0));
        ApprovalRequest approval = kit.approvals().requestForDeliverable(bob, acme, "Concepts", Optional.empty(),
                NewApproval.of("Approve the concepts", Set.of(carol.userId())));
        Milestone linked = kit.projects().linkApproval(bob, acme, m.id(), Optional.of(approval.id()), 0);
        Throwable pending = catchThrowable(() -> kit.projects().deliver(bob, acme, m.id(), linked.version()));

        kit.approvals().decide(carol, acme, approval.id(), DecisionKind.APPROVE, Optional.empty());
        Milestone delivered = kit.projects().deliver(bob, acme, m.id(), linked.version());

        assertThat(List.of(unlinked, pending)).allSatisfy(t -> assertThat(t).isInstanceOfSatisfying(
                ConflictException.class, c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE)));
        assertThat(delivered.delivered()).get().extracting(d -> d.by()).isEqualTo(bob.userId());
        assertThat(kit.projects().onboarding(bob, acme).firstMilestoneDeliveredAt()).contains(NOW);
    }

    @Test
    void linkingAnApprovalOfAnotherWorkspaceIsRefused() {
        Milestone m = kit.projects().addMilestone(bob, acme, project(Visibility.CLIENT).id(),
                new NewMilestone("Concepts", Optional.empty(), true));
        ApprovalRequest elsewhere = kit.approvals().requestForDeliverable(bob, globex, "Site", Optional.empty(),
                NewApproval.of("Approve the site", Set.of(gary.userId())));

        assertThat(fieldErrors(() -> kit.projects().linkApproval(bob, acme, m.id(), Optional.of(elsewhere.id()), 0)))
                .containsExactly(FieldError.of("approval", "no such approval"));
        assertThat(fieldErrors(() -> kit.projects().linkApproval(bob, acme, m.id(),
                Optional.of(ApprovalId.of("no-such-approval")), 0)))
                .containsExactly(FieldError.of("approval", "no such approval"));
        assertThat(kit.projects().getMilestone(bob, acme, m.id())).isEqualTo(m);
    }

    @Test
    void linkingAnInternalApprovalToAClientVisibleMilestoneIsRefusedAndChangesNothingTheClientSees() {
        Milestone m = kit.projects().addMilestone(bob, acme, project(Visibility.CLIENT).id(),
                new NewMilestone("Concepts", Optional.empty(), false));
        var file = kit.files().upload(bob, acme, NewUpload.of("internal.txt", "text/plain").internal(),
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        ApprovalRequest internal = kit.approvals().requestForFile(bob, acme, file.id(), 1,
                NewApproval.of("Internal review", Set.of(bob.userId())));
        Milestone before = kit.projects().getMilestone(carol, acme, m.id());
        events.clear();
        clock.now = NOW.plusSeconds(3_600);

        assertThat(fieldErrors(() -> kit.projects().linkApproval(bob, acme, m.id(), Optional.of(internal.id()), 0)))
                .containsExactly(FieldError.of("approval",
                        "is internal and cannot be linked to a client-visible milestone"));
        assertThat(kit.projects().getMilestone(carol, acme, m.id())).isEqualTo(before);
        assertThat(kit.projects().getMilestone(bob, acme, m.id()).approval()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void anInternalApprovalMayBeLinkedToAMilestoneOfAnInternalProject() {
        Milestone m = kit.projects().addMilestone(bob, acme, project(Visibility.TEAM).id(),
                new NewMilestone("Concepts", Optional.empty(), false));
        var file = kit.files().upload(bob, acme, NewUpload.of("internal.txt", "text/plain").internal(),
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        ApprovalRequest internal = kit.approvals().requestForFile(bob, acme, file.id(), 1,
                NewApproval.of("Internal review", Set.of(bob.userId())));

        Milestone linked = kit.projects().linkApproval(bob, acme, m.id(), Optional.of(internal.id()), 0);

        assertThat(linked.approval()).contains(internal.id());
        assertThat(linked.version()).isEqualTo(1);
    }

    @Test
    void aClientSeesNoLinkOnceTheLinkedApprovalBecomesInternalAndTheMilestoneKeepsItsVersion() {
        Milestone m = kit.projects().addMilestone(bob, acme, project(Visibility.CLIENT).id(),
                new NewMilestone("Concepts", Optional.empty(), false));
        var file = kit.files().upload(bob, acme, NewUpload.of("brief.txt", "text/plain"),
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        ApprovalRequest review = kit.approvals().requestForFile(bob, acme, file.id(), 1,
                NewApproval.of("Review", Set.of(bob.userId())));
        Milestone linked = kit.projects().linkApproval(bob, acme, m.id(), Optional.of(review.id()), 0);
        assertThat(kit.projects().getMilestone(carol, acme, m.id()).approval()).contains(review.id());
        clock.now = NOW.plusSeconds(3_600);

        kit.files().changeVisibility(bob, acme, file.id(), Visibility.TEAM, file.version());

        Milestone seen = kit.projects().getMilestone(carol, acme, m.id());
        assertThat(seen.approval()).isEmpty();
        assertThat(seen.version()).isEqualTo(linked.version());
        assertThat(seen.updatedAt()).isEqualTo(linked.updatedAt());
        assertThat(kit.projects().milestones(carol, acme, m.projectId())).singleElement()
                .satisfies(listed -> assertThat(listed.approval()).isEmpty());
        assertThat(kit.projects().getMilestone(bob, acme, m.id()).approval()).contains(review.id());
    }

    @Test
    void unlinkingAnApprovalThatBecameInternalIsTheTeamsActivityOnly() {
        Milestone m = kit.projects().addMilestone(bob, acme, project(Visibility.CLIENT).id(),
                new NewMilestone("Concepts", Optional.empty(), false));
        var file = kit.files().upload(bob, acme, NewUpload.of("brief.txt", "text/plain"),
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        ApprovalRequest review = kit.approvals().requestForFile(bob, acme, file.id(), 1,
                NewApproval.of("Review", Set.of(bob.userId())));
        kit.projects().linkApproval(bob, acme, m.id(), Optional.of(review.id()), 0);
        kit.files().changeVisibility(bob, acme, file.id(), Visibility.TEAM, file.version());
        events.clear();

        kit.projects().linkApproval(bob, acme, m.id(), Optional.empty(), 1);

        assertThat(eventsOf(ProjectEvent.MilestoneUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void milestoneAndStatusChangesNeverTouchTheProjectsVersionOrUpdatedAt() {
        Project created = project(Visibility.CLIENT);
        clock.now = NOW.plusSeconds(60);
        Milestone m = kit.projects().addMilestone(bob, acme, created.id(),
                new NewMilestone("Concepts", Optional.of(TODAY), false));
        kit.projects().updateMilestone(bob, acme, m.id(), new NewMilestone("Drafts", Optional.of(TODAY), false), 0);
        kit.projects().deliver(bob, acme, m.id(), 1);
        kit.projects().postStatus(bob, acme, created.id(), new NewStatusUpdate(ProjectHealth.AT_RISK, "Internal",
                "", "", "", Visibility.TEAM));
        TaskList list = list(created, Visibility.CLIENT);
        Task t = add(list, teamTask("One"));
        kit.tasks().complete(bob, acme, t.id(), 0);

        assertThat(kit.projects().get(bob, acme, created.id())).isEqualTo(created);
        assertThat(kit.tasks().getList(bob, acme, list.id()).version()).isZero();
    }

    // ------------------------------------------------------------------------------------------ status updates

    @Test
    void aClientVisibleStatusUpdateSetsTheProjectsHealthAndAnInternalOneDoesNot() {
        Project created = project(Visibility.CLIENT);

        kit.projects().postStatus(bob, acme, created.id(), new NewStatusUpdate(ProjectHealth.OFF_TRACK, "Internal",
                "", "", "", Visibility.TEAM));
        Project afterInternal = kit.projects().get(carol, acme, created.id());
        kit.projects().postStatus(bob, acme, created.id(), new NewStatusUpdate(ProjectHealth.AT_RISK, "Week 1",
                "", "", "", Visibility.CLIENT));

        assertThat(afterInternal).isEqualTo(created);
        assertThat(kit.projects().get(carol, acme, created.id()).health()).isEqualTo(ProjectHealth.AT_RISK);
        assertThat(kit.projects().statusUpdates(carol, acme, created.id(), PageRequest.first()).items())
                .extracting(StatusUpdate::summary).containsExactly("Week 1");
    }

    @Test
    void acknowledgingTwiceKeepsTheFirstTimeAndPublishesOneEvent() {
        Project created = project(Visibility.CLIENT);
        StatusUpdate update = kit.projects().postStatus(bob, acme, created.id(),
                new NewStatusUpdate(ProjectHealth.ON_TRACK, "Week 1", "", "", "", Visibility.CLIENT));

        Acknowledgement first = kit.projects().acknowledge(carol, acme, update.id());
        clock.now = NOW.plusSeconds(3600);
        Acknowledgement again = kit.projects().acknowledge(carol, acme, update.id());

        assertThat(again).isEqualTo(first);
        assertThat(first.at()).isEqualTo(NOW);
        assertThat(kit.projects().acknowledgements(bob, acme, update.id())).containsExactly(first);
        assertThat(eventsOf(ProjectEvent.StatusUpdateAcknowledged.class)).hasSize(1);
    }

    @Test
    void eightConcurrentFirstAcknowledgementsByOneClientStoreOneAndPublishOneEvent() {
        Project created = project(Visibility.CLIENT);
        StatusUpdate update = kit.projects().postStatus(bob, acme, created.id(),
                new NewStatusUpdate(ProjectHealth.ON_TRACK, "Week 1", "", "", "", Visibility.CLIENT));

        Concurrently.Outcomes<Acknowledgement> outcomes = Concurrently.run(i ->
                kit.projects().acknowledge(carol, acme, update.id()));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(new HashSet<>(outcomes.successes())).hasSize(1);
        assertThat(kit.projects().acknowledgements(bob, acme, update.id())).hasSize(1);
        assertThat(eventsOf(ProjectEvent.StatusUpdateAcknowledged.class)).hasSize(1);
    }

    @Test
    void aClientAcknowledgingAnInternalStatusUpdateGetsNotFoundAndNothingIsStored() {
        Project created = project(Visibility.CLIENT);
        StatusUpdate internal = kit.projects().postStatus(bob, acme, created.id(),
                new NewStatusUpdate(ProjectHealth.OFF_TRACK, "Internal", "", "", "", Visibility.TEAM));
        StatusUpdateId unknown = StatusUpdateId.of("no-such-update");

        assertThat(failureWithout(internal.id().value(), () -> kit.projects().acknowledge(carol, acme, internal.id())))
                .isEqualTo(failureWithout(unknown.value(), () -> kit.projects().acknowledge(carol, acme, unknown)))
                .startsWith("NotFoundException");
        assertThat(kit.projects().acknowledgements(bob, acme, internal.id())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ assignees

    @Test
    void assigningATaskToAUserOfAnotherWorkspaceIsRefused() {
        TaskList list = clientList();

        assertThat(fieldErrors(() -> add(list, clientTask("Logo", Optional.of(gary.userId())))))
                .containsExactly(FieldError.of("assignee", "is not a member of this workspace"));
        assertThat(fieldErrors(() -> add(list, clientTask("Logo", Optional.of(UserId.of("nobody"))))))
                .containsExactly(FieldError.of("assignee", "is not a member of this workspace"));
        assertThat(order(bob, list)).isEmpty();
    }

    @Test
    void assigningAClientSideTaskToAViewerWhoMayNotActIsRefused() {
        TaskList list = clientList();

        assertThat(fieldErrors(() -> add(list, clientTask("Logo", Optional.of(dave.userId())))))
                .containsExactly(FieldError.of("assignee", "may not complete tasks"));
        assertThat(order(bob, list)).isEmpty();
    }

    @Test
    void aTeamSideTaskCannotBeAssignedToAClient() {
        TaskList list = clientList();
        NewTask toCarol = new NewTask("Logo", "", TaskSide.TEAM, Optional.of(carol.userId()), Optional.empty(),
                Visibility.CLIENT);

        assertThat(fields(() -> add(list, toCarol))).containsExactly("assignee");
        assertThat(order(bob, list)).isEmpty();
    }

    @Test
    void anInternalTaskOrATaskInAnInternalListMustBeTeamSide() {
        Project created = project(Visibility.CLIENT);
        TaskList shared = list(created, Visibility.CLIENT);
        TaskList internal = list(created, Visibility.TEAM);
        NewTask internalClientSide = new NewTask("Logo", "", TaskSide.CLIENT, Optional.empty(), Optional.empty(),
                Visibility.TEAM);

        assertThat(fields(() -> add(shared, internalClientSide))).isNotEmpty();
        assertThat(fields(() -> add(internal, clientTask("Logo", Optional.empty())))).isNotEmpty();
        assertThat(order(bob, shared)).isEmpty();
        assertThat(order(bob, internal)).isEmpty();
    }

    @Test
    void aBlankTitleAndBadAssigneeAreReportedTogether() {
        TaskList list = clientList();
        NewTask bad = new NewTask(" ", "", TaskSide.CLIENT, Optional.of(gary.userId()), Optional.empty(),
                Visibility.CLIENT);

        assertThat(fields(() -> add(list, bad))).contains("title", "assignee");
    }

    // ------------------------------------------------------------------------------------------ completing

    @Test
    void aClientTickingATeamOnlyTaskByIdGetsTheSameNotFoundAsForAnUnknownId() {
        TaskList list = clientList();
        Task hidden = add(list, internalTask("Check margins"));
        TaskId unknown = TaskId.of("no-such-task");

        assertThat(failureWithout(hidden.id().value(), () -> kit.tasks().complete(carol, acme, hidden.id(), 0)))
                .isEqualTo(failureWithout(unknown.value(), () -> kit.tasks().complete(carol, acme, unknown, 0)))
                .startsWith("NotFoundException");
        assertThat(reread(hidden).completed()).isEmpty();
    }

    @Test
    void aClientTickingAnUnassignedTeamSideTaskIsDenied() {
        Task teamSide = add(clientList(), teamTask("Design the logo"));

        assertThat(catchThrowable(() -> kit.tasks().complete(carol, acme, teamSide.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(reread(teamSide)).isEqualTo(teamSide);
    }

    @Test
    void aClientTicksAClientSideTaskAssignedToThemOrToNobodyButNotOneAssignedToSomeoneElse() {
        TaskList list = clientList();
        Task hers = add(list, clientTask("Upload your logo", Optional.of(carol.userId())));
        Task anyone = add(list, clientTask("Approve the brief", Optional.empty()));
        Task erins = add(list, clientTask("Send the fonts", Optional.of(erin.userId())));

        Task done = kit.tasks().complete(carol, acme, hers.id(), 0);
        kit.tasks().complete(carol, acme, anyone.id(), 0);

        assertThat(done.completed()).get().extracting(c -> c.by()).isEqualTo(carol.userId());
        assertThat(catchThrowable(() -> kit.tasks().complete(carol, acme, erins.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kit.tasks().progress(carol, acme, list.id())).isEqualTo(new ChecklistProgress(2, 3));
    }

    @Test
    void aViewerSeesButCannotTickATask() {
        Task anyone = add(clientList(), clientTask("Approve the brief", Optional.empty()));

        assertThat(kit.tasks().get(dave, acme, anyone.id())).isEqualTo(anyone);
        assertThat(catchThrowable(() -> kit.tasks().complete(dave, acme, anyone.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void tickingADoneTaskAgainChangesNothingAndPublishesNoSecondEvent() {
        Task t = add(clientList(), clientTask("Logo", Optional.empty()));
        Task done = kit.tasks().complete(carol, acme, t.id(), 0);

        Task again = kit.tasks().complete(erin, acme, t.id(), 0);

        assertThat(again).isEqualTo(done);
        assertThat(reread(t)).isEqualTo(done);
        assertThat(eventsOf(TaskEvent.TaskCompleted.class)).hasSize(1);
    }

    @Test
    void aStaleCompletionIsAConflict() {
        Task t = add(clientList(), clientTask("Logo", Optional.empty()));
        Task renamed = kit.tasks().update(bob, acme, t.id(), clientTask("Logo (SVG)", Optional.empty()), 0);

        Throwable thrown = catchThrowable(() -> kit.tasks().complete(carol, acme, t.id(), 0));

        assertThat(thrown).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
        assertThat(reread(t)).isEqualTo(renamed);
    }

    // ------------------------------------------------------------------------------------------ ordering

    @Test
    void movingATaskAfterItselfIsRefused() {
        TaskList list = clientList();
        Task a = add(list, teamTask("A"));
        add(list, teamTask("B"));

        assertThat(fieldErrors(() -> kit.tasks().move(bob, acme, a.id(), Optional.of(a.id()), 0)))
                .containsExactly(FieldError.of("after", "must be another task"));
        assertThat(reread(a)).isEqualTo(a);
    }

    @Test
    void movingATaskAfterATaskOfAnotherListOrWorkspaceOrAnUnknownIdIsRefused() {
        Project created = project(Visibility.CLIENT);
        TaskList list = list(created, Visibility.CLIENT);
        TaskList other = list(created, Visibility.CLIENT);
        Task a = add(list, teamTask("A"));
        Task b = add(list, teamTask("B"));
        Task otherList = add(other, teamTask("C"));
        Project inGlobex = kit.projects().create(bob, globex, newProject("Globex", Visibility.CLIENT));
        TaskList globexList = kit.tasks().createList(bob, globex, new NewTaskList(Optional.of(inGlobex.id()), "G",
                Visibility.CLIENT));
        Task foreign = kit.tasks().addTask(bob, globex, globexList.id(), teamTask("D"));

        for (TaskId after : List.of(otherList.id(), foreign.id(), TaskId.of("no-such-task"))) {
            assertThat(fieldErrors(() -> kit.tasks().move(bob, acme, b.id(), Optional.of(after), 0)))
                    .containsExactly(FieldError.of("after", "no such task in this list"));
        }
        assertThat(order(bob, list)).containsExactly(a.id(), b.id());
        assertThat(reread(b)).isEqualTo(b);
    }

    @Test
    void movesThatWouldFormACycleStillLeaveEveryTaskOnceInTheList() {
        TaskList list = clientList();
        Task a = add(list, teamTask("A"));
        Task b = add(list, teamTask("B"));
        Task c = add(list, teamTask("C"));

        kit.tasks().move(bob, acme, a.id(), Optional.of(b.id()), 0);
        kit.tasks().move(bob, acme, b.id(), Optional.of(a.id()), 0);
        kit.tasks().move(bob, acme, c.id(), Optional.of(b.id()), 0);
        kit.tasks().move(bob, acme, a.id(), Optional.of(c.id()), 1);

        assertThat(order(bob, list)).containsExactly(b.id(), c.id(), a.id());
    }

    @Test
    void aConcurrentReorderAndCompletionOfOneTaskLetOneWinTheOtherConflictAndNothingIsLost() {
        TaskList list = clientList();
        Task first = add(list, clientTask("First", Optional.empty()));
        Task t = add(list, clientTask("Logo", Optional.empty()));

        Concurrently.Outcomes<Task> outcomes = Concurrently.run(2, i -> i == 0
                ? kit.tasks().move(bob, acme, t.id(), Optional.empty(), 0)
                : kit.tasks().complete(carol, acme, t.id(), 0));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).singleElement().isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
        Task winner = outcomes.successes().get(0);
        assertThat(reread(t)).isEqualTo(winner);
        // The loser retries with the version it now reads: both changes hold.
        if (winner.isDone()) {
            kit.tasks().move(bob, acme, t.id(), Optional.empty(), winner.version());
        } else {
            kit.tasks().complete(carol, acme, t.id(), winner.version());
        }
        assertThat(order(bob, list)).containsExactly(t.id(), first.id());
        assertThat(reread(t).isDone()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ pages

    @Test
    void aListWithInternalTasksPagesForClientsWithoutGapsOrRepeats() {
        TaskList list = clientList();
        List<TaskId> visible = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            if (i % 5 == 2) {
                add(list, internalTask("Internal " + i));
            } else {
                visible.add(add(list, teamTask("Task " + i)).id());
            }
        }

        List<TaskId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(7);
        while (true) {
            Page<Task> page = kit.tasks().tasks(carol, acme, list.id(), request);
            page.items().forEach(t -> seen.add(t.id()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            assertThat(page.items()).hasSize(7);
            request = PageRequest.after(page.nextCursor().get(), 7);
        }

        assertThat(seen).containsExactlyElementsOf(visible);
        assertThat(kit.tasks().progress(carol, acme, list.id())).isEqualTo(new ChecklistProgress(0, visible.size()));
        assertThat(kit.tasks().progress(bob, acme, list.id())).isEqualTo(new ChecklistProgress(0, 1_000));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        Project created = project(Visibility.CLIENT);
        TaskList list = list(created, Visibility.CLIENT);
        TaskList other = list(created, Visibility.CLIENT);
        add(list, teamTask("A"));
        add(list, teamTask("B"));
        add(other, teamTask("C"));
        String cursor = kit.tasks().tasks(bob, acme, list.id(), PageRequest.first(1)).nextCursor().orElseThrow();

        assertThat(fields(() -> kit.tasks().tasks(bob, acme, other.id(), PageRequest.after(cursor, 1))))
                .containsExactly("cursor");
    }

    @Test
    void concurrentCreationsNeverPassTheListCap() {
        for (int i = 1; i < TaskService.MAX_LISTS; i++) {
            kit.tasks().createList(bob, acme, new NewTaskList(Optional.empty(), "List " + i, Visibility.CLIENT));
        }

        Concurrently.Outcomes<TaskList> outcomes = Concurrently.run(i -> kit.tasks().createList(bob, acme,
                new NewTaskList(Optional.empty(), "Racer " + i, Visibility.CLIENT)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE)));
        assertThat(kit.tasks().lists(bob, acme, Optional.empty())).hasSize(TaskService.MAX_LISTS);
    }

    // ------------------------------------------------------------------------------------------ onboarding

    @Test
    void eightConcurrentFirstUsesOfTheOnboardingChecklistCreateExactlyOne() {
        List<Actor> users = List.of(bob, tom);

        Concurrently.Outcomes<TaskList> outcomes = Concurrently.run(i ->
                kit.tasks().onboardingChecklist(users.get(i % users.size()), acme));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes().stream().map(TaskList::id).distinct()).hasSize(1);
        assertThat(kit.tasks().lists(bob, acme, Optional.empty())).hasSize(1);
    }

    @Test
    void readingTheOnboardingChecklistNeverCreatesIt() {
        events.clear();

        assertThat(kit.tasks().findOnboardingChecklist(dave, acme)).isEmpty();
        assertThat(kit.tasks().findOnboardingChecklist(bob, acme)).isEmpty();
        assertThat(kit.tasks().checklistProgress(carol, acme)).isEqualTo(new ChecklistProgress(0, 0));
        assertThat(kit.tasks().lists(bob, acme, Optional.empty())).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void onlyATeamMemberWhoManagesProjectsCreatesTheOnboardingChecklist() {
        events.clear();

        for (Actor reader : List.of(carol, erin, dave)) {
            assertThat(catchThrowable(() -> kit.tasks().onboardingChecklist(reader, acme)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(kit.tasks().findOnboardingChecklist(bob, acme)).isEmpty();
        assertThat(events).isEmpty();
        TaskList created = kit.tasks().onboardingChecklist(bob, acme);
        assertThat(kit.tasks().findOnboardingChecklist(dave, acme)).contains(created);
    }

    @Test
    void completingEveryChecklistTaskRecordsTheCompletionOnceAndReopeningKeepsIt() {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        Task logo = add(checklist, clientTask("Upload your logo", Optional.of(carol.userId())));
        Task brief = add(checklist, clientTask("Approve the brief", Optional.empty()));
        kit.tasks().complete(carol, acme, logo.id(), 0);
        clock.now = NOW.plusSeconds(120);

        kit.tasks().complete(erin, acme, brief.id(), 0);
        kit.tasks().uncomplete(carol, acme, logo.id(), 1);
        clock.now = NOW.plusSeconds(240);
        kit.tasks().complete(carol, acme, logo.id(), 2);

        assertThat(kit.projects().onboarding(bob, acme).checklistCompletedAt()).contains(NOW.plusSeconds(120));
        assertThat(eventsOf(ProjectEvent.OnboardingChecklistCompleted.class)).hasSize(1);
        assertThat(kit.tasks().checklistProgress(dave, acme)).isEqualTo(new ChecklistProgress(2, 2));
    }

    @Test
    void clientsCannotReadTheOnboardingFactsAndOnlyTheLeadOrATenantAdminRecordsTheContract() {
        kit.projects().recordContractSigned(bob, acme, NOW.minusSeconds(86_400));

        assertThat(catchThrowable(() -> kit.projects().onboarding(carol, acme))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowable(() -> kit.projects().recordContractSigned(tom, acme, NOW)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kit.projects().recordContractSigned(alice, acme, NOW.minusSeconds(3_600)).contractSignedAt())
                .contains(NOW.minusSeconds(3_600));
        assertThat(kit.projects().onboarding(tom, acme).contractSignedAt()).contains(NOW.minusSeconds(3_600));
    }

    // ------------------------------------------------------------------------------------------ overdue

    private int overdueEvents() {
        return eventsOf(TaskEvent.TaskOverdue.class).size() + eventsOf(ProjectEvent.MilestoneOverdue.class).size();
    }

    @Test
    void theOverdueSweepRunTwiceRaisesEachOverdueItemOnce() {
        Project created = project(Visibility.CLIENT);
        TaskList list = list(created, Visibility.CLIENT);
        add(list, due(teamTask("Late"), TODAY.minusDays(1)));
        add(list, due(internalTask("Late, internal"), TODAY.minusDays(3)));
        add(list, due(teamTask("Due today"), TODAY));
        Task done = add(list, due(teamTask("Done"), TODAY.minusDays(2)));
        kit.tasks().complete(bob, acme, done.id(), 0);
        kit.projects().addMilestone(bob, acme, created.id(), new NewMilestone("Late", Optional.of(TODAY.minusDays(1)),
                false));

        int first = kit.projects().sweepOverdue(NOW, 100);
        int second = kit.projects().sweepOverdue(NOW, 100);

        assertThat(first).isEqualTo(3);
        assertThat(second).isZero();
        assertThat(overdueEvents()).isEqualTo(3);
    }

    @Test
    void twoConcurrentSweepsRaiseEachOverdueItemOnce() {
        Project created = project(Visibility.CLIENT);
        TaskList list = list(created, Visibility.CLIENT);
        for (int i = 0; i < 20; i++) {
            add(list, due(teamTask("Late " + i), TODAY.minusDays(1 + i % 4)));
        }
        kit.projects().addMilestone(bob, acme, created.id(), new NewMilestone("Late", Optional.of(TODAY.minusDays(1)),
                false));

        Concurrently.Outcomes<Integer> outcomes = Concurrently.run(2, i -> kit.projects().sweepOverdue(NOW, 100));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
        assertThat(overdueEvents()).isEqualTo(21);
    }

    @Test
    void aDueDateMovedLaterAndPassedAgainIsRaisedAgain() {
        TaskList list = clientList();
        Task late = add(list, due(teamTask("Late"), TODAY.minusDays(1)));
        kit.projects().sweepOverdue(NOW, 100);

        Task moved = kit.tasks().update(bob, acme, late.id(), due(teamTask("Late"), TODAY.plusDays(1)), 0);
        int beforeItPasses = kit.projects().sweepOverdue(NOW, 100);
        int afterItPassed = kit.projects().sweepOverdue(NOW.plusSeconds(3 * 86_400), 100);

        assertThat(beforeItPasses).isZero();
        assertThat(afterItPassed).isEqualTo(1);
        assertThat(eventsOf(TaskEvent.TaskOverdue.class)).hasSize(2);
        assertThat(reread(late)).isEqualTo(moved);
    }

    @Test
    void theSweepSkipsArchivedWorkspaces() {
        TaskList list = clientList();
        add(list, due(teamTask("Late"), TODAY.minusDays(1)));
        kit.workspaces().archive(bob, acme, kit.workspaces().get(bob, acme).version());

        assertThat(kit.projects().sweepOverdue(NOW, 100)).isZero();
        assertThat(overdueEvents()).isZero();
    }

    @Test
    void anOverdueTaskOfAnotherTenantIsRaisedInItsOwnTenant() {
        var other = kit.tenants().create("Contoso", UserId.of("olga")).id();
        Actor olga = Actor.team(other, "olga");
        WorkspaceId fabrikam = kit.workspaces().create(olga, NewWorkspace.of("Fabrikam", "fabrikam")).id();
        Project p = kit.projects().create(olga, fabrikam, new NewProject("P", "", Visibility.CLIENT, Optional.empty(),
                Optional.empty(), olga.userId()));
        TaskList l = kit.tasks().createList(olga, fabrikam, new NewTaskList(Optional.of(p.id()), "L", Visibility.CLIENT));
        kit.tasks().addTask(olga, fabrikam, l.id(), due(teamTask("Late"), TODAY.minusDays(1)));

        assertThat(kit.projects().sweepOverdue(NOW, 100)).isEqualTo(1);
        assertThat(eventsOf(TaskEvent.TaskOverdue.class)).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(other));
    }
}
