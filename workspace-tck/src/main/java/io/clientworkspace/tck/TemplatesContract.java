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
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.TemplateEvent;
import io.clientworkspace.template.TemplateService;
import io.clientworkspace.template.WorkspaceOrigin;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The templates feature through its services on a store set: a workspace made from a template has every part, with
 * dates from the start date; creation is idempotent by the external reference (a retry, and concurrent calls, give
 * exactly one workspace); a form retired since the template was defined, a retired template, a reference of another
 * workspace are refused and make nothing; and the fault-injection matrix: for every k from 1 to the number N of store
 * writes a creation makes, a creation that fails at its k-th write (every store wrapped by {@link StoreFaults})
 * leaves every store as it was (no workspace, member, folder, project, milestone, list, task, assignment,
 * conversation, message, onboarding fact, origin, activity entry or event), and a clean retry then succeeds.
 * Extend it and implement {@link #createStores()}.
 */
public abstract class TemplatesContract {

    /** The start date of every creation. */
    protected static final LocalDate START = LocalDate.of(2030, 3, 4);
    private static final Instant SIGNED = Instant.parse("2030-03-01T10:15:30Z");
    private static final int ALL = 1_000;

    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    private StoreFaults faults;
    private Stores stores;
    private WorkspaceKit kit;
    private TemplateService templates;
    private Tenant tenant;
    private Actor alice;
    private Actor bob;
    private Actor carol;
    private FormDefinition form;
    private WorkspaceTemplate template;

    /** A new, empty, complete store set (the feature's stores and every store a template's parts need). */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        faults = StoreFaults.around(createStores());
        stores = faults.stores();
        kit = WorkspaceKit.builder().stores(stores).userDirectory((t, u) -> true).listener(events::add).build();
        templates = kit.templates();
        tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        bob = Actor.team(tenant.id(), "bob");
        carol = Actor.client(tenant.id(), "carol");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, UserId.of("tom"), TenantRole.TEAM_MEMBER);
        form = kit.forms().define(alice, Optional.empty(), new NewForm("intake", "Intake", List.of(
                new FormField.ShortText("company", "Company", "", true, 100, Optional.empty()))));
        template = templates.define(alice, new NewTemplate("retainer", "Retainer onboarding",
                TemplateTestData.everyPart(form.id(), bob.userId(), UserId.of("tom"))));
        events.clear();
    }

    private static NewWorkspaceFromTemplate request(String ref) {
        return NewWorkspaceFromTemplate.of("Client " + ref, ref, ref, START).withContractSignedAt(SIGNED);
    }

    private CreatedWorkspace create(String ref) {
        return templates.createWorkspace(alice, template.id(), OptionalInt.empty(), request(ref));
    }

    // ---------------------------------------------------------------- what a workspace gets

    @Test
    void aWorkspaceMadeFromATemplateGetsItsTeamAndFolders() {
        Workspace ws = create("acme").workspace();

        assertThat(ws.externalRef()).contains("acme");
        assertThat(stores.memberships().list(tenant.id(), ws.id(), Optional.empty(), ALL))
                .extracting(Membership::userId, Membership::role)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(bob.userId(), WorkspaceRole.LEAD),
                        org.assertj.core.groups.Tuple.tuple(UserId.of("tom"), WorkspaceRole.MEMBER));
        List<Folder> top = folders(ws.id(), Optional.empty());
        assertThat(top).extracting(Folder::name, Folder::visibility).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Deliverables", Visibility.CLIENT),
                org.assertj.core.groups.Tuple.tuple("Internal", Visibility.TEAM));
        Folder deliverables = top.stream().filter(f -> f.name().equals("Deliverables")).findFirst().orElseThrow();
        assertThat(folders(ws.id(), Optional.of(deliverables.id()))).extracting(Folder::name).containsExactly("Final");
    }

    @Test
    void aWorkspaceMadeFromATemplateGetsItsProjectsWithDatesFromTheStartDate() {
        Workspace ws = create("acme").workspace();

        List<Project> projects = kit.projects().list(alice, ws.id(), PageRequest.first()).items();
        assertThat(projects).extracting(Project::name, Project::visibility, Project::startDate, Project::targetDate,
                Project::owner).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Website relaunch", Visibility.CLIENT, Optional.of(START),
                        Optional.of(START.plusDays(90)), bob.userId()),
                org.assertj.core.groups.Tuple.tuple("Internal retro", Visibility.TEAM,
                        Optional.of(START.plusDays(80)), Optional.empty(), bob.userId()));
        Project relaunch = projects.stream().filter(p -> p.name().equals("Website relaunch")).findFirst().orElseThrow();
        assertThat(kit.projects().milestones(alice, ws.id(), relaunch.id()))
                .extracting(Milestone::title, Milestone::dueDate, Milestone::requiresApproval).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Design approved", Optional.of(START.plusDays(30)), true),
                        org.assertj.core.groups.Tuple.tuple("Go live", Optional.of(START.plusDays(90)), false));
        List<TaskList> lists = kit.tasks().lists(alice, ws.id(), Optional.of(relaunch.id()));
        assertThat(lists).extracting(TaskList::name).containsExactlyInAnyOrder("Kick-off", "Team prep");
        TaskList kickOff = lists.stream().filter(l -> l.name().equals("Kick-off")).findFirst().orElseThrow();
        assertThat(kit.tasks().tasks(alice, ws.id(), kickOff.id(), PageRequest.first()).items())
                .extracting(Task::title, Task::side, Task::dueDate, Task::visibility).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Send brand assets", TaskSide.CLIENT,
                                Optional.of(START.plusDays(7)), Visibility.CLIENT),
                        org.assertj.core.groups.Tuple.tuple("Prepare workshop", TaskSide.TEAM, Optional.empty(),
                                Visibility.CLIENT),
                        org.assertj.core.groups.Tuple.tuple("Check credit limit", TaskSide.TEAM,
                                Optional.of(START.plusDays(3)), Visibility.TEAM));
    }

    @Test
    void aWorkspaceMadeFromATemplateGetsItsChecklistFormsWelcomeAndContractDate() {
        Workspace ws = create("acme").workspace();

        TaskList checklist = kit.tasks().onboardingChecklist(alice, ws.id());
        assertThat(checklist.kind()).isEqualTo(TaskListKind.ONBOARDING);
        assertThat(kit.tasks().tasks(alice, ws.id(), checklist.id(), PageRequest.first()).items())
                .extracting(Task::title, Task::side, Task::dueDate).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Upload your logo", TaskSide.CLIENT,
                                Optional.of(START.plusDays(5))),
                        org.assertj.core.groups.Tuple.tuple("Sign the NDA", TaskSide.CLIENT, Optional.empty()));
        assertThat(kit.forms().assignments(alice, ws.id(), Optional.empty(), PageRequest.first()).items())
                .singleElement().satisfies(a -> {
                    assertThat(a.form()).isEqualTo(form.ref());
                    assertThat(a.title()).isEqualTo("Tell us about your brand");
                    assertThat(a.due()).contains(START.plusDays(14));
                });
        Conversation general = kit.conversations().general(alice, ws.id());
        assertThat(kit.conversations().messages(alice, ws.id(), general.id(), PageRequest.first()).items())
                .extracting(Message::body).containsExactly("Welcome aboard!\nYour team");
        assertThat(kit.projects().onboarding(alice, ws.id()).contractSignedAt()).contains(SIGNED);
    }

    @Test
    void theWorkspaceRemembersTheVersionThatMadeIt() {
        Workspace ws = create("acme").workspace();

        assertThat(templates.origin(alice, ws.id())).contains(new WorkspaceOrigin(tenant.id(), ws.id(), template.id(),
                1, "acme", templates.origin(alice, ws.id()).orElseThrow().createdAt()));
        assertThat(stores.activity().latest(tenant.id(), ws.id())).get().satisfies(e -> {
            assertThat(e.action()).isEqualTo("workspace.created-from-template");
            assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
        });
        assertThat(events).filteredOn(TemplateEvent.WorkspaceCreatedFromTemplate.class::isInstance).hasSize(1);
    }

    @Test
    void anOlderVersionIsUsedWhenAskedFor() {
        templates.revise(alice, template.id(), 1, "Retainer v2", TemplateContent.empty());

        Workspace ws = templates.createWorkspace(alice, template.id(), OptionalInt.of(1), request("acme")).workspace();

        assertThat(templates.origin(alice, ws.id())).get().extracting(WorkspaceOrigin::templateVersion).isEqualTo(1);
        assertThat(kit.projects().list(alice, ws.id(), PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void aClientNeverLearnsTheOrigin() {
        Workspace ws = create("acme").workspace();
        kit.members().add(bob, ws.id(), carol.userId(), WorkspaceRole.CLIENT_ADMIN);

        assertThat(templates.origin(carol, ws.id())).isEmpty();
        assertThat(kit.projects().list(carol, ws.id(), PageRequest.first()).items()).extracting(Project::name)
                .containsExactly("Website relaunch");
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void aRetriedCallReturnsTheSameWorkspaceAndChangesNothing() {
        CreatedWorkspace first = create("acme");
        Map<String, Object> before = snapshot(List.of(first.workspace().id()));
        events.clear();

        CreatedWorkspace again = create("acme");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.workspace().id()).isEqualTo(first.workspace().id());
        assertThat(snapshot(List.of(first.workspace().id()))).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void concurrentCreatesWithOneReferenceMakeExactlyOneWorkspace() {
        Concurrently.Outcomes<CreatedWorkspace> outcomes = Concurrently.run(4, i -> create("acme"));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(CreatedWorkspace::created).hasSize(1);
        assertThat(outcomes.successes()).extracting(c -> c.workspace().id()).containsOnly(
                outcomes.successes().get(0).workspace().id());
        assertThat(stores.workspaces().list(tenant.id(), Optional.empty(), ALL)).hasSize(1);
        assertThat(events).filteredOn(TemplateEvent.WorkspaceCreatedFromTemplate.class::isInstance).hasSize(1);
    }

    @Test
    void aReferenceOfAWorkspaceMadeFromAnotherTemplateIsAConflict() {
        create("acme");
        WorkspaceTemplate other = templates.define(alice, new NewTemplate("bare", "Bare", TemplateContent.empty()));

        ConflictException e = refused(ConflictException.class, () -> templates.createWorkspace(alice, other.id(),
                OptionalInt.empty(), NewWorkspaceFromTemplate.of("Other", "other", "acme", START)));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
        assertThat(e.getMessage()).contains("externalRef");
    }

    @Test
    void aReferenceOfAHandMadeWorkspaceIsAConflict() {
        kit.workspaces().create(bob, NewWorkspace.of("By hand", "by-hand").withExternalRef("acme"));

        ConflictException e = refused(ConflictException.class, () -> create("acme"));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_EXTERNAL_REF);
    }

    @Test
    void aTakenSlugIsAConflictAndMakesNothing() {
        kit.workspaces().create(bob, NewWorkspace.of("By hand", "acme"));

        ConflictException e = refused(ConflictException.class, () -> create("acme"));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_SLUG);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aFormRetiredSinceTheDefinitionIsAConflictNamingItsPlace() {
        kit.forms().retire(alice, form.id(), 1);

        ConflictException e = refused(ConflictException.class, () -> create("acme"));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        assertThat(e.getMessage()).contains("forms[0]");
    }

    @Test
    void aRetiredTemplateMakesNoWorkspace() {
        templates.retire(alice, template.id(), 1);

        ConflictException e = refused(ConflictException.class, () -> create("acme"));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void onlyATenantAdminMakesWorkspacesFromTemplates() {
        refused(AccessDeniedException.class, () -> templates.createWorkspace(bob, template.id(), OptionalInt.empty(),
                request("acme")));
    }

    @Test
    void aBadRequestNamesEveryProblemAndMakesNothing() {
        ValidationException e = refused(ValidationException.class, () -> templates.createWorkspace(alice,
                template.id(), OptionalInt.empty(), NewWorkspaceFromTemplate.of(" ", "Not A Slug", " ", START)));

        assertThat(e.fieldErrors()).extracting(io.clientworkspace.FieldError::field)
                .contains("externalRef", "name", "slug");
    }

    @Test
    void aStartDateAtTheEndOfTimeIsAFieldErrorAndMakesNothing() {
        ValidationException e = refused(ValidationException.class, () -> templates.createWorkspace(alice,
                template.id(), OptionalInt.empty(), NewWorkspaceFromTemplate.of("Client xx", "client-xx", "xx",
                        LocalDate.MAX)));

        assertThat(e.fieldErrors()).containsExactly(
                io.clientworkspace.FieldError.of("startDate", "must be between 1900-01-01 and 9999-12-31"));
    }

    @Test
    void aStartDateWhoseOffsetsPassTheLastDayIsAFieldError() {
        ValidationException e = refused(ValidationException.class, () -> templates.createWorkspace(alice,
                template.id(), OptionalInt.empty(), NewWorkspaceFromTemplate.of("Client xx", "client-xx", "xx",
                        LocalDate.of(9999, 12, 31))));

        assertThat(e.fieldErrors()).extracting(io.clientworkspace.FieldError::field).containsExactly("startDate");
    }

    @Test
    void aStartDateAndContractDateOutsideTheBoundsAreRefusedTogether() {
        ValidationException e = refused(ValidationException.class, () -> templates.createWorkspace(alice,
                template.id(), OptionalInt.empty(), NewWorkspaceFromTemplate.of("Client xx", "client-xx", "xx",
                        LocalDate.of(1899, 12, 31)).withContractSignedAt(Instant.parse("+10000-01-01T00:00:00Z"))));

        assertThat(e.fieldErrors()).extracting(io.clientworkspace.FieldError::field)
                .containsExactlyInAnyOrder("contractSignedAt", "startDate");
    }

    @Test
    void aWorkspaceCanStartOnTheFirstAcceptedDay() {
        CreatedWorkspace made = templates.createWorkspace(alice, template.id(), OptionalInt.empty(),
                NewWorkspaceFromTemplate.of("Client xx", "client-xx", "xx", LocalDate.of(1900, 1, 1))
                        .withContractSignedAt(Instant.parse("1900-01-01T00:00:00Z")));

        assertThat(made.created()).isTrue();
    }

    // ---------------------------------------------------------------- the fault-injection matrix

    @Test
    void aFailureAtEveryStoreWriteLeavesNothingBehindAndACleanRetrySucceeds() {
        faults.disarm();
        create("probe");
        List<String> steps = faults.writes().stream().map(StoreFaults.Write::step).toList();
        assertThat(steps).as("a creation writes").isNotEmpty();

        for (int k = 1; k <= steps.size(); k++) {
            String ref = "target-" + k;
            relayOutbox(); // what earlier creations staged: delivered, so that only a fault's events could be left
            Map<String, Object> before = snapshot(List.of());
            int eventsBefore = events.size();
            faults.failAtWrite(k);

            Throwable thrown = catchThrowable(() -> create(ref));

            List<StoreFaults.Write> attempted = faults.writes();
            faults.disarm();
            assertThat(rootCause(thrown)).as("k=%d (%s)", k, steps.get(k - 1))
                    .isInstanceOf(StoreFaults.InjectedFault.class);
            assertThat(attempted).as("k=%d", k).hasSize(k);
            assertThat(attempted.get(k - 1).step()).as("k=%d", k).isEqualTo(steps.get(k - 1));
            assertThat(snapshot(List.of())).as("the stores after a fault at write %d (%s)", k,
                    steps.get(k - 1)).isEqualTo(before);
            for (WorkspaceId attemptedWorkspace : workspacesOf(attempted)) {
                assertThat(workspaceParts(tenant.id(), attemptedWorkspace).values())
                        .as("what is left of the attempted workspace after a fault at write %d (%s)", k,
                                steps.get(k - 1))
                        .allSatisfy(part -> assertThat(part).isIn(Optional.empty(), List.of()));
            }
            assertThat(events).as("events after a fault at write %d", k).hasSize(eventsBefore);
            assertThat(relayOutbox()).as("undelivered outbox events after a fault at write %d", k).isZero();

            CreatedWorkspace retried = create(ref);

            assertThat(retried.created()).as("clean retry after a fault at write %d", k).isTrue();
            assertThat(faults.writes()).extracting(StoreFaults.Write::step).as("k=%d", k).isEqualTo(steps);
        }
        System.out.println("Create-from-template fault-injection matrix (k -> k-th store write):");
        for (int k = 1; k <= steps.size(); k++) {
            System.out.println("  " + k + " -> " + steps.get(k - 1));
        }
    }

    /** Delivers what the outbox holds (a store set without one holds nothing) and says how many it delivered. */
    private int relayOutbox() {
        return stores.outbox().map(o -> o.relay(Instant.now().plusSeconds(86_400), ALL, e -> { })).orElse(0);
    }

    private static @Nullable Throwable rootCause(@Nullable Throwable thrown) {
        Throwable t = thrown;
        while (t != null && !(t instanceof StoreFaults.InjectedFault) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The workspaces a failed attempt tried to write into (from the records it wrote). */
    private static List<WorkspaceId> workspacesOf(List<StoreFaults.Write> writes) {
        return writes.stream().flatMap(w -> w.args().stream()).filter(Workspace.class::isInstance)
                .map(a -> ((Workspace) a).id()).distinct().toList();
    }

    // ---------------------------------------------------------------- helpers

    private <T extends Throwable> T refused(Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Map<String, Object> before = snapshot(List.of());
        int eventsBefore = events.size();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        assertThat(snapshot(List.of())).as("the stores after the refused call").isEqualTo(before);
        assertThat(events).as("the events after the refused call").hasSize(eventsBefore);
        return type.cast(thrown);
    }

    private List<Folder> folders(WorkspaceId ws, Optional<io.clientworkspace.FolderId> parent) {
        return stores.require(FolderStore.class).listChildren(tenant.id(), ws, parent, false, Optional.empty(), ALL);
    }

    /**
     * Everything of the tenant a creation could write: its workspaces, roster, templates, forms, and for every
     * workspace (those stored and {@code extra}, which a failed attempt tried to make) every part.
     */
    private Map<String, Object> snapshot(List<WorkspaceId> extra) {
        TenantId t = tenant.id();
        Map<String, Object> all = new LinkedHashMap<>();
        List<Workspace> workspaces = stores.require(WorkspaceStore.class).list(t, Optional.empty(), ALL);
        all.put("workspaces", workspaces);
        all.put("team", stores.require(TeamStore.class).list(t, Optional.empty(), ALL));
        List<WorkspaceTemplate> latest = stores.require(TemplateStore.class).listLatest(t, Optional.empty(), ALL);
        all.put("templates", latest);
        latest.forEach(tp -> all.put("template " + tp.id(), stores.require(TemplateStore.class).versions(t, tp.id())));
        List<FormDefinition> forms = stores.require(FormStore.class).listLatest(t, Optional.empty(), Optional.empty(), ALL);
        forms.forEach(f -> all.put("form " + f.id(), stores.require(FormStore.class).versions(t, f.id())));
        List<WorkspaceId> ids = new ArrayList<>(workspaces.stream().map(Workspace::id).toList());
        extra.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        for (WorkspaceId ws : ids) {
            all.put("ws " + ws, workspaceParts(t, ws));
        }
        return all;
    }

    private Map<String, Object> workspaceParts(TenantId t, WorkspaceId ws) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("workspace", stores.require(WorkspaceStore.class).find(t, ws));
        parts.put("members", stores.require(MembershipStore.class).list(t, ws, Optional.empty(), ALL));
        parts.put("activity", stores.require(ActivityStore.class).listOldestFirst(t, ws, 0, ALL));
        parts.put("origin", stores.require(WorkspaceOriginStore.class).find(t, ws));
        List<Folder> folders = new ArrayList<>();
        List<Optional<io.clientworkspace.FolderId>> parents = new ArrayList<>(List.of(Optional.empty()));
        while (!parents.isEmpty()) {
            List<Folder> children = stores.require(FolderStore.class).listChildren(t, ws, parents.remove(0), false,
                    Optional.empty(), ALL);
            folders.addAll(children);
            children.forEach(c -> parents.add(Optional.of(c.id())));
        }
        parts.put("folders", folders);
        parts.put("assignments", stores.require(FormAssignmentStore.class).list(t, ws, Optional.empty(),
                Optional.empty(), ALL));
        List<Conversation> conversations = stores.require(ConversationStore.class).list(t, ws, true, Optional.empty(),
                ALL);
        parts.put("conversations", conversations);
        for (Conversation c : conversations) {
            parts.put("messages " + c.id(), stores.require(MessageStore.class).listOldestFirst(t, ws, c.id(),
                    true, Optional.empty(), ALL));
        }
        List<Project> projects = stores.require(ProjectStore.class).list(t, ws, true, Optional.empty(), ALL);
        parts.put("projects", projects);
        for (Project p : projects) {
            parts.put("milestones " + p.id(), stores.require(MilestoneStore.class).listForProject(t, ws, p.id(), ALL));
        }
        List<TaskList> lists = new ArrayList<>(stores.require(TaskListStore.class).list(t, ws, Optional.empty(), true,
                ALL));
        for (Project p : projects) {
            lists.addAll(stores.require(TaskListStore.class).list(t, ws, Optional.of(p.id()), true, ALL));
        }
        stores.require(TaskListStore.class).findOnboarding(t, ws).filter(l -> !lists.contains(l)).ifPresent(lists::add);
        parts.put("lists", lists);
        for (TaskList l : lists) {
            parts.put("tasks " + l.id(), stores.require(TaskStore.class).list(t, ws, l.id(), true, Optional.empty(),
                    ALL));
        }
        Optional<OnboardingFacts> facts = stores.require(OnboardingStore.class).find(t, ws);
        parts.put("onboarding", facts);
        return parts;
    }
}
