package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.handoff.HandoffPlan;
import io.clientworkspace.handoff.HandoffResult;
import io.clientworkspace.handoff.WorkspaceHandoff;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Handoffs through {@link WorkspaceKit#handoffs()} on a store set: the preview lists every lead role, open task,
 * open request and owned project of the leaving member in the tenant's active workspaces; executing it moves all of
 * them in one unit of work and leaves nothing behind; a changed plan, a wrong caller or a wrong successor changes
 * nothing; a failure at any store write changes nothing (every store wrapped by {@link StoreFaults}). Extend it and
 * implement {@link #createStores()}.
 */
public abstract class HandoffsContract {

    private static final LocalDate TODAY = LocalDate.of(2031, 3, 1);

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private StoreFaults faults;
    private WorkspaceKit kit;
    private TenantId tenant;
    private Actor alice;
    private Actor bob;
    private Actor carol;
    private UserId grace;
    private WorkspaceId acme;
    private WorkspaceId globex;
    private WorkspaceId initech;
    private Project brand;
    private Task bobsOpenTask;
    private Task bobsInternalTask;
    private Task bobsDoneTask;
    private ClientRequest bobsOpenRequest;
    private ClientRequest bobsResolvedRequest;

    /** A new, empty, complete store set. */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        events.clear();
        faults = StoreFaults.around(createStores());
        kit = WorkspaceKit.builder().stores(faults.stores()).userDirectory((t, u) -> true).listener(events::add).build();
        tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        carol = Actor.client(tenant, "carol");
        grace = UserId.of("grace");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, grace, TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, UserId.of("tom"), TenantRole.TEAM_MEMBER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme", "acme")).id();
        globex = kit.workspaces().create(alice, NewWorkspace.of("Globex", "globex")).id();
        initech = kit.workspaces().create(bob, NewWorkspace.of("Initech", "initech")).id();
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, acme, UserId.of("tom"), WorkspaceRole.MEMBER);
        kit.members().add(alice, globex, bob.userId(), WorkspaceRole.MEMBER);
        kit.members().add(alice, globex, grace, WorkspaceRole.MEMBER);
        kit.members().add(alice, globex, carol.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        brand = kit.projects().create(bob, acme, new NewProject("Brand refresh", "", Visibility.CLIENT,
                Optional.of(TODAY), Optional.of(TODAY.plusDays(60)), bob.userId()));
        TaskList design = kit.tasks().createList(bob, acme, new NewTaskList(Optional.of(brand.id()), "Design",
                Visibility.CLIENT));
        bobsOpenTask = kit.tasks().addTask(bob, acme, design.id(), teamTask("Draft the logo", Visibility.CLIENT));
        bobsInternalTask = kit.tasks().addTask(bob, acme, design.id(), teamTask("Check the margin", Visibility.TEAM));
        Task done = kit.tasks().addTask(bob, acme, design.id(), teamTask("Kick-off call", Visibility.CLIENT));
        bobsDoneTask = kit.tasks().complete(bob, acme, done.id(), done.version());
        kit.tasks().addTask(bob, acme, design.id(), new NewTask("Tom's part", "", TaskSide.TEAM,
                Optional.of(UserId.of("tom")), Optional.empty(), Visibility.CLIENT));
        ClientRequest open = kit.requests().submit(carol, globex, NewRequest.of("New banner", "For the fair"));
        bobsOpenRequest = kit.requests().assign(alice, globex, open.id(), Optional.of(bob.userId()), open.version());
        ClientRequest resolved = kit.requests().submit(carol, acme, NewRequest.of("Old banner", "Done already"));
        resolved = kit.requests().assign(bob, acme, resolved.id(), Optional.of(bob.userId()), resolved.version());
        bobsResolvedRequest = kit.requests().changeStatus(bob, acme, resolved.id(), RequestStatus.DONE, Optional.empty(),
                resolved.version());
        var archived = kit.workspaces().find(bob, initech).orElseThrow();
        kit.workspaces().archive(bob, initech, archived.version());
        faults.disarm();
        events.clear();
    }

    private static NewTask teamTask(String title, Visibility visibility) {
        return new NewTask(title, "", TaskSide.TEAM, Optional.of(UserId.of("bob")), Optional.empty(), visibility);
    }

    private HandoffPlan preview() {
        return kit.handoffs().preview(alice, bob.userId(), grace);
    }

    private HandoffResult handOff() {
        return kit.handoffs().execute(alice, bob.userId(), grace, preview().fingerprint());
    }

    private Optional<WorkspaceRole> role(WorkspaceId ws, UserId user) {
        return kit.members().find(alice, ws, user).map(Membership::role);
    }

    // ---------------------------------------------------------------- preview

    @Test
    void thePreviewListsEveryLeadRoleOpenTaskOpenRequestAndOwnedProjectByWorkspace() {
        HandoffPlan plan = preview();

        assertThat(plan.workspaces()).extracting(WorkspaceHandoff::workspaceId)
                .containsExactlyInAnyOrder(acme, globex);
        WorkspaceHandoff atAcme = plan.workspaces().stream().filter(w -> w.workspaceId().equals(acme)).findFirst()
                .orElseThrow();
        assertThat(atAcme.lead()).isTrue();
        assertThat(atAcme.joinsAsMember()).isTrue();
        assertThat(atAcme.tasks()).containsExactlyInAnyOrder(bobsOpenTask.id(), bobsInternalTask.id());
        assertThat(atAcme.requests()).isEmpty();
        assertThat(atAcme.projectsOwned()).containsExactly(brand.id());
        WorkspaceHandoff atGlobex = plan.workspaces().stream().filter(w -> w.workspaceId().equals(globex)).findFirst()
                .orElseThrow();
        assertThat(atGlobex.lead()).isFalse();
        assertThat(atGlobex.joinsAsMember()).isFalse();
        assertThat(atGlobex.requests()).containsExactly(bobsOpenRequest.id());
        assertThat(plan.fingerprint()).hasSize(64);
    }

    @Test
    void thePreviewChangesNothingAndIsStable() {
        HandoffPlan first = preview();

        HandoffPlan second = preview();

        assertThat(second).isEqualTo(first);
        assertThat(events).isEmpty();
        assertThat(role(acme, grace)).isEmpty();
    }

    @Test
    void archivedWorkspacesAreNotPartOfThePlan() {
        assertThat(preview().workspaces()).extracting(WorkspaceHandoff::workspaceId).doesNotContain(initech);
    }

    // ---------------------------------------------------------------- execute

    @Test
    void executingMovesEveryLeadRoleOpenTaskOpenRequestAndProjectAndLeavesNothingBehind() {
        handOff();

        HandoffPlan after = preview();
        assertThat(after.isEmpty()).as("what is left for bob: %s", after.workspaces()).isTrue();
        assertThat(role(acme, grace)).contains(WorkspaceRole.LEAD);
        assertThat(role(acme, bob.userId())).contains(WorkspaceRole.MEMBER);
        assertThat(kit.tasks().get(alice, acme, bobsOpenTask.id()).assignee()).contains(grace);
        assertThat(kit.tasks().get(alice, acme, bobsInternalTask.id()).assignee()).contains(grace);
        assertThat(kit.requests().get(alice, globex, bobsOpenRequest.id()).assignee()).contains(grace);
        assertThat(kit.projects().get(alice, acme, brand.id()).owner()).isEqualTo(grace);
    }

    @Test
    void finishedWorkStaysWithWhoeverDidIt() {
        handOff();

        assertThat(kit.tasks().get(alice, acme, bobsDoneTask.id()).assignee()).contains(bob.userId());
        assertThat(kit.requests().get(alice, acme, bobsResolvedRequest.id()).assignee()).contains(bob.userId());
    }

    @Test
    void archivedWorkspacesKeepTheirLead() {
        handOff();

        assertThat(role(initech, bob.userId())).contains(WorkspaceRole.LEAD);
        assertThat(role(initech, grace)).isEmpty();
    }

    @Test
    void theResultIsThePlanThatWasPreviewed() {
        HandoffPlan plan = preview();

        HandoffResult result = kit.handoffs().execute(alice, bob.userId(), grace, plan.fingerprint());

        assertThat(result.plan()).isEqualTo(plan);
        assertThat(result.plan().leadRoles()).isEqualTo(1);
        assertThat(result.plan().tasks()).isEqualTo(2);
        assertThat(result.plan().requests()).isEqualTo(1);
        assertThat(result.plan().projects()).isEqualTo(1);
        assertThat(result.plan().joins()).isEqualTo(1);
    }

    @Test
    void theActivityOfEachWorkspaceTellsTheStoryAndEndsWithATeamOnlyHandoffEntry() {
        handOff();

        List<ActivityEntry> acmeLog = kit.activity().feed(alice, acme, PageRequest.first(50)).items();
        List<String> actions = acmeLog.stream().map(ActivityEntry::action).toList();
        assertThat(actions.get(0)).isEqualTo("handoff.completed");
        assertThat(actions).contains("member.added", "member.role-changed", "task.assigned", "project.updated");
        assertThat(acmeLog.get(0).visibility()).isEqualTo(Visibility.TEAM);
        assertThat(acmeLog.get(0).details()).containsEntry("from", "bob").containsEntry("to", "grace")
                .containsEntry("tasks", "2").containsEntry("projects", "1").containsEntry("lead", "true");
        List<String> globexActions = kit.activity().feed(alice, globex, PageRequest.first(50)).items().stream()
                .map(ActivityEntry::action).toList();
        assertThat(globexActions.get(0)).isEqualTo("handoff.completed");
        assertThat(globexActions).contains("request.assigned");
    }

    @Test
    void clientsNeverSeeTheHandoffEntry() {
        handOff();

        assertThat(kit.activity().feed(carol, acme, PageRequest.first(50)).items())
                .extracting(ActivityEntry::action).doesNotContain("handoff.completed");
    }

    @Test
    void anEmptyPlanExecutesAndChangesNothing() {
        handOff();
        events.clear();

        HandoffResult again = kit.handoffs().execute(alice, bob.userId(), grace, preview().fingerprint());

        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void aPlanThatChangedSinceThePreviewIsRefusedAndChangesNothing() {
        HandoffPlan plan = preview();
        TaskList more = kit.tasks().createList(bob, acme, new NewTaskList(Optional.empty(), "More", Visibility.CLIENT));
        kit.tasks().addTask(bob, acme, more.id(), teamTask("One more thing", Visibility.CLIENT));
        HandoffPlan changed = preview();
        events.clear();

        assertThatThrownBy(() -> kit.handoffs().execute(alice, bob.userId(), grace, plan.fingerprint()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("preview again");

        assertThat(preview()).isEqualTo(changed);
        assertThat(events).isEmpty();
    }

    @Test
    void onlyTenantAdminsMayPreviewOrExecute() {
        String fingerprint = preview().fingerprint();

        assertThatThrownBy(() -> kit.handoffs().preview(bob, bob.userId(), grace))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.handoffs().execute(bob, bob.userId(), grace, fingerprint))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.handoffs().preview(carol, bob.userId(), grace))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(preview().fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void handingOffToOneselfOrToSomeoneOffTheRosterIsRefusedWithAFieldError() {
        assertThatThrownBy(() -> kit.handoffs().preview(alice, bob.userId(), bob.userId()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("to"));
        assertThatThrownBy(() -> kit.handoffs().preview(alice, bob.userId(), carol.userId()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("to"));
        assertThatThrownBy(() -> kit.handoffs().execute(alice, bob.userId(), grace, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("fingerprint"));
    }

    @Test
    void anotherTenantsMemberWithTheSameIdIsNeverTouched() {
        TenantId other = kit.tenants().create("Contoso", UserId.of("olga")).id();
        Actor olga = Actor.team(other, "olga");
        kit.tenants().addTeamMember(olga, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        WorkspaceId fabrikam = kit.workspaces().create(Actor.team(other, "bob"), NewWorkspace.of("Fabrikam", "fabrikam"))
                .id();

        handOff();

        assertThat(kit.members().find(olga, fabrikam, bob.userId()).map(Membership::role)).contains(WorkspaceRole.LEAD);
        assertThat(preview().workspaces()).extracting(WorkspaceHandoff::workspaceId).doesNotContain(fabrikam);
    }

    // ---------------------------------------------------------------- all or nothing

    @Test
    void aFailureAtEveryStoreWriteLeavesNothingBehind() {
        handOff();
        List<String> steps = faults.writes().stream().map(StoreFaults.Write::step).toList();
        assertThat(steps).as("a handoff writes").isNotEmpty();

        for (int k = 1; k <= steps.size(); k++) {
            buildTheWorld();
            HandoffPlan plan = preview();
            Map<String, Object> before = snapshot();
            faults.failAtWrite(k);

            Throwable thrown = catchThrowable(() -> kit.handoffs().execute(alice, bob.userId(), grace, plan.fingerprint()));

            faults.disarm();
            assertThat(rootCause(thrown)).as("k=%d (%s)", k, steps.get(k - 1))
                    .isInstanceOf(StoreFaults.InjectedFault.class);
            assertThat(snapshot()).as("the stores after a fault at write %d (%s)", k, steps.get(k - 1))
                    .isEqualTo(before);
            assertThat(events).as("events after a fault at write %d", k).isEmpty();
            assertThat(preview()).as("the plan after a fault at write %d", k).isEqualTo(plan);

            kit.handoffs().execute(alice, bob.userId(), grace, plan.fingerprint());

            assertThat(preview().isEmpty()).as("clean retry after a fault at write %d", k).isTrue();
        }
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (WorkspaceId ws : List.of(acme, globex, initech)) {
            state.put(ws + "/members", kit.members().list(alice, ws, PageRequest.first(100)).items());
            state.put(ws + "/activity", kit.activity().feed(alice, ws, PageRequest.first(100)).items());
        }
        state.put("tasks", List.of(kit.tasks().get(alice, acme, bobsOpenTask.id()),
                kit.tasks().get(alice, acme, bobsInternalTask.id())));
        state.put("request", kit.requests().get(alice, globex, bobsOpenRequest.id()));
        state.put("project", kit.projects().get(alice, acme, brand.id()));
        return state;
    }

    private static @Nullable Throwable rootCause(@Nullable Throwable thrown) {
        Throwable t = thrown;
        List<Throwable> seen = new ArrayList<>();
        while (t != null && !(t instanceof StoreFaults.InjectedFault) && t.getCause() != null && !seen.contains(t)) {
            seen.add(t);
            t = t.getCause();
        }
        return t;
    }
}
