package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.dashboard.AttentionReason;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardRow;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The operator dashboard through {@link WorkspaceKit#dashboard()} on a store set: who sees which workspaces (tenant
 * admins all, team members those they serve, clients refused), every filter and sort, keyset pages over ties, and the
 * summary right after every kind of change (approvals, requests, tasks and milestones with the overdue sweep, project
 * health, onboarding, messages and unread counts, members and the lead, archive, rename, linked records, visits).
 * Extend it and implement {@link #createStores()}.
 */
public abstract class DashboardContract {

    private static final Instant NOW = Instant.parse("2031-03-03T09:00:00Z");

    /** A clock the test sets by hand. */
    static final class SetClock extends Clock {
        volatile Instant now = NOW;

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
    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor tom;
    private Actor nora;
    private Actor carol;
    private WorkspaceId acme;
    private WorkspaceId globex;
    private WorkspaceId initech;

    /** A new, empty store set providing every feature's stores. */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        kit = WorkspaceKit.builder().stores(createStores()).clock(clock).userDirectory((t, u) -> true).build();
        var tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        tom = Actor.team(tenant, "tom");
        nora = Actor.team(tenant, "nora");
        carol = Actor.client(tenant, "carol");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, tom.userId(), TenantRole.TEAM_MEMBER);
        kit.tenants().addTeamMember(alice, nora.userId(), TenantRole.TEAM_MEMBER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme Corp", "acme")).id();
        globex = kit.workspaces().create(bob, NewWorkspace.of("Globex", "globex")).id();
        initech = kit.workspaces().create(alice, NewWorkspace.of("Initech", "initech")).id();
        kit.members().add(bob, acme, tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void advance(Duration d) {
        clock.now = clock.now.plus(d);
    }

    private WorkspaceSummary summary(WorkspaceId ws) {
        return kit.dashboard().summary(alice, ws).summary();
    }

    private List<WorkspaceId> ids(Actor actor, DashboardQuery query) {
        return kit.dashboard().page(actor, query, PageRequest.first(500)).items().stream()
                .map(r -> r.summary().workspaceId()).toList();
    }

    private static DashboardQuery.Builder query() {
        return DashboardQuery.builder();
    }

    private ApprovalRequest approval(WorkspaceId ws) {
        return kit.approvals().requestForDeliverable(bob, ws, "The logo", Optional.empty(),
                NewApproval.of("Logo sign-off", Set.of(carol.userId())));
    }

    private Project project(WorkspaceId ws) {
        return kit.projects().create(bob, ws, new NewProject("Launch", "", Visibility.CLIENT, Optional.empty(),
                Optional.empty(), bob.userId()));
    }

    private Task task(WorkspaceId ws, LocalDate due) {
        TaskList list = kit.tasks().createList(bob, ws, new NewTaskList(Optional.empty(), "Todo", Visibility.TEAM));
        return kit.tasks().addTask(bob, ws, list.id(), new NewTask("Write copy", "", TaskSide.TEAM, Optional.empty(),
                Optional.of(due), Visibility.TEAM));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now, ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------ who sees what

    @Test
    void aNewWorkspaceHasItsSummaryAtOnce() {
        WorkspaceSummary s = summary(acme);

        assertThat(s.name()).isEqualTo("Acme Corp");
        assertThat(s.slug()).isEqualTo("acme");
        assertThat(s.status()).isEqualTo(WorkspaceStatus.ACTIVE);
        assertThat(s.lead()).contains(bob.userId());
        assertThat(s.clientMembers()).isEqualTo(1);
        assertThat(s.health()).isEqualTo(ProjectHealth.ON_TRACK);
        assertThat(s.pendingApprovals()).isZero();
        assertThat(s.onboarding()).isEqualTo(new ChecklistProgress(0, 0));
        assertThat(s.lastTeamActivityAt()).contains(NOW);
        assertThat(s.lastClientActivityAt()).isEmpty();
    }

    @Test
    void tenantAdminsSeeEveryWorkspaceOfTheTenant() {
        assertThat(ids(alice, query().build())).containsExactlyInAnyOrder(acme, globex, initech);
    }

    @Test
    void teamMembersSeeOnlyTheWorkspacesTheyServe() {
        assertThat(ids(tom, query().build())).containsExactly(acme);
        assertThat(ids(bob, query().build())).containsExactlyInAnyOrder(acme, globex);
        assertThat(ids(nora, query().build())).isEmpty();
    }

    @Test
    void aTenantMatrixWithoutViewDashboardForMembersHidesTheirWorkspacesWarmAndCold() {
        assertThat(ids(tom, query().build())).containsExactly(acme); // the default matrix, now cached
        io.clientworkspace.member.PermissionMatrix matrix = kit.accessPolicies().matrix(alice);
        Set<io.clientworkspace.member.Permission> member =
                new HashSet<>(matrix.permissionsOf(WorkspaceRole.MEMBER));
        member.remove(io.clientworkspace.member.Permission.VIEW_DASHBOARD);
        kit.accessPolicies().replaceMatrix(alice, matrix.with(WorkspaceRole.MEMBER, member));

        assertThat(ids(tom, query().build())).isEmpty();
        kit.authorizer().invalidateAll();
        assertThat(ids(tom, query().build())).isEmpty();
        assertThat(ids(bob, query().build())).containsExactlyInAnyOrder(acme, globex);
    }

    @Test
    void aTenantOfItsOwnIsNeverSeen() {
        var other = kit.tenants().create("Umbrella", UserId.of("ursula")).id();
        Actor ursula = Actor.team(other, "ursula");
        kit.workspaces().create(ursula, NewWorkspace.of("Hive", "hive"));

        assertThat(ids(alice, query().build())).containsExactlyInAnyOrder(acme, globex, initech);
        assertThat(ids(ursula, query().build())).hasSize(1).doesNotContain(acme, globex, initech);
        assertThat(catchThrowable(() -> kit.dashboard().summary(ursula, acme))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void clientsAreRefusedTheDashboard() {
        assertThat(catchThrowable(() -> kit.dashboard().page(carol, DashboardQuery.defaults(), PageRequest.first())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClientAskingForOneSummaryGetsNotFoundAsForAWorkspaceThatDoesNotExist() {
        Throwable mine = catchThrowable(() -> kit.dashboard().summary(carol, acme));
        Throwable unknown = catchThrowable(() -> kit.dashboard().summary(carol, WorkspaceId.of("no-such")));

        assertThat(mine).isInstanceOf(NotFoundException.class);
        assertThat(unknown).isInstanceOf(NotFoundException.class);
        assertThat(mine.getClass()).isEqualTo(unknown.getClass());
    }

    @Test
    void aTeamUserOffTheRosterIsRefused() {
        Actor stranger = Actor.team(alice.tenantId(), "stranger");

        assertThat(catchThrowable(() -> kit.dashboard().page(stranger, DashboardQuery.defaults(), PageRequest.first())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowable(() -> kit.dashboard().summary(stranger, acme))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTeamMemberGetsNotFoundForAWorkspaceTheyDoNotServe() {
        assertThat(catchThrowable(() -> kit.dashboard().summary(tom, globex))).isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------ counts after changes

    @Test
    void pendingApprovalsCountWithTheOldestAndDropWhenDecided() {
        ApprovalRequest first = approval(acme);
        advance(Duration.ofHours(1));
        approval(acme);

        assertThat(summary(acme).pendingApprovals()).isEqualTo(2);
        assertThat(summary(acme).oldestPendingApprovalAt()).contains(first.requestedAt());

        kit.approvals().decide(carol, acme, first.id(), DecisionKind.APPROVE, Optional.empty());

        assertThat(summary(acme).pendingApprovals()).isEqualTo(1);
        assertThat(summary(acme).oldestPendingApprovalAt()).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void openRequestsCountWithTheOldestAndDropWhenResolved() {
        ClientRequest request = kit.requests().submit(carol, acme, NewRequest.of("New banner", "Please"));

        assertThat(summary(acme).openRequests()).isEqualTo(1);
        assertThat(summary(acme).oldestOpenRequestAt()).contains(request.submittedAt());

        kit.requests().changeStatus(bob, acme, request.id(), RequestStatus.IN_PROGRESS, Optional.empty(),
                request.version());
        ClientRequest progressing = kit.requests().get(bob, acme, request.id());
        assertThat(summary(acme).openRequests()).isEqualTo(1);

        kit.requests().changeStatus(bob, acme, request.id(), RequestStatus.DONE, Optional.empty(),
                progressing.version());

        assertThat(summary(acme).openRequests()).isZero();
        assertThat(summary(acme).oldestOpenRequestAt()).isEmpty();
    }

    @Test
    void aTaskIsCountedOverdueWhenTheSweepRaisesItAndNotAfterItIsDone() {
        Task task = task(acme, today().plusDays(1));
        assertThat(summary(acme).overdueTasks()).isZero();

        advance(Duration.ofDays(2));
        kit.projects().sweepOverdue(clock.now, 100);

        assertThat(summary(acme).overdueTasks()).isEqualTo(1);

        kit.tasks().complete(bob, acme, task.id(), kit.tasks().get(bob, acme, task.id()).version());

        assertThat(summary(acme).overdueTasks()).isZero();
    }

    @Test
    void aTaskAddedWithADueDateInThePastIsOverdueAtOnce() {
        task(acme, today().minusDays(1));

        assertThat(summary(acme).overdueTasks()).isEqualTo(1);
    }

    @Test
    void anUndeliveredMilestonePastItsDueDateIsOverdue() {
        Project project = project(acme);
        kit.projects().addMilestone(bob, acme, project.id(), new NewMilestone("Beta", Optional.of(today()), false));
        assertThat(summary(acme).overdueMilestones()).isZero();

        advance(Duration.ofDays(1));
        kit.projects().sweepOverdue(clock.now, 100);

        assertThat(summary(acme).overdueMilestones()).isEqualTo(1);
    }

    @Test
    void healthIsTheWorstOfTheProjectsThatAreNotCompleted() {
        Project launch = project(acme);
        Project site = project(acme);
        kit.projects().setHealth(bob, acme, launch.id(), ProjectHealth.AT_RISK, launch.version());
        assertThat(summary(acme).health()).isEqualTo(ProjectHealth.AT_RISK);

        Project offTrack = kit.projects().setHealth(bob, acme, site.id(), ProjectHealth.OFF_TRACK, site.version());
        assertThat(summary(acme).health()).isEqualTo(ProjectHealth.OFF_TRACK);

        kit.projects().setHealth(bob, acme, site.id(), ProjectHealth.COMPLETED, offTrack.version());
        assertThat(summary(acme).health()).isEqualTo(ProjectHealth.AT_RISK);
    }

    @Test
    void onboardingProgressFollowsTheChecklist() {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        Task signed = kit.tasks().addTask(bob, acme, checklist.id(), new NewTask("Sign contract", "", TaskSide.CLIENT,
                Optional.empty(), Optional.empty(), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme, checklist.id(), new NewTask("Kick-off call", "", TaskSide.TEAM,
                Optional.empty(), Optional.empty(), Visibility.CLIENT));

        assertThat(summary(acme).onboarding()).isEqualTo(new ChecklistProgress(0, 2));

        kit.tasks().complete(bob, acme, signed.id(), signed.version());

        assertThat(summary(acme).onboarding()).isEqualTo(new ChecklistProgress(1, 2));
    }

    @Test
    void clientAndTeamActivityAreKeptApart() {
        advance(Duration.ofHours(2));
        var general = kit.conversations().general(carol, acme);
        kit.conversations().post(carol, acme, general.id(), NewMessage.of("Hello"));
        Instant clientAt = clock.now;
        advance(Duration.ofHours(1));
        project(acme);

        assertThat(summary(acme).lastClientActivityAt()).contains(clientAt);
        assertThat(summary(acme).lastTeamActivityAt()).contains(clock.now);
    }

    @Test
    void aClientVisitMovesTheLastClientActivity() {
        advance(Duration.ofHours(5));

        kit.insights().recordVisit(carol, acme);

        assertThat(summary(acme).lastClientActivityAt()).contains(clock.now);
    }

    @Test
    void unreadClientMessagesAreCountedForTheCaller() {
        var general = kit.conversations().general(carol, acme);
        kit.conversations().post(carol, acme, general.id(), NewMessage.of("One"));
        advance(Duration.ofSeconds(1));
        Message second = kit.conversations().post(carol, acme, general.id(), NewMessage.of("Two"));
        kit.conversations().post(bob, acme, general.id(), NewMessage.of("Team reply"));

        assertThat(kit.dashboard().summary(bob, acme).unreadClientMessages()).isEqualTo(2);

        kit.conversations().markRead(bob, acme, general.id(), second.id());

        assertThat(kit.dashboard().summary(bob, acme).unreadClientMessages()).isZero();
        assertThat(kit.dashboard().page(tom, DashboardQuery.defaults(), PageRequest.first()).items())
                .singleElement().extracting(DashboardRow::unreadClientMessages).isEqualTo(2L);
    }

    @Test
    void theLeadFollowsAHandOverAndClientMembersFollowTheRoster() {
        kit.members().handOverLead(bob, acme, bob.userId(), tom.userId());

        assertThat(summary(acme).lead()).contains(tom.userId());

        kit.members().add(tom, acme, UserId.of("erin"), WorkspaceRole.CLIENT_VIEWER);
        assertThat(summary(acme).clientMembers()).isEqualTo(2);

        kit.members().remove(tom, acme, carol.userId());
        assertThat(summary(acme).clientMembers()).isEqualTo(1);
    }

    @Test
    void renamingAndArchivingShowInTheSummaryAndTheStatusFilter() {
        Workspace renamed = kit.workspaces().rename(bob, globex, "Globex Intl", kit.workspaces().get(bob, globex)
                .version());
        kit.workspaces().archive(alice, globex, renamed.version());

        assertThat(summary(globex).name()).isEqualTo("Globex Intl");
        assertThat(summary(globex).status()).isEqualTo(WorkspaceStatus.ARCHIVED);
        assertThat(ids(alice, query().build())).containsExactlyInAnyOrder(acme, initech);
        assertThat(ids(alice, query().status(WorkspaceStatus.ARCHIVED).build())).containsExactly(globex);
        assertThat(ids(alice, query().anyStatus().build())).containsExactlyInAnyOrder(acme, globex, initech);
    }

    @Test
    void linkedRecordsGiveOverdueInvoicesAndOpenTickets() {
        kit.records().upsert(bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, "INV-1", "Deposit", "OPEN")
                .dueOn(today().minusDays(1)).build(), OptionalLong.empty());
        kit.records().upsert(bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, "INV-2", "Final", "OPEN")
                .dueOn(today().plusDays(10)).build(), OptionalLong.empty());
        kit.records().upsert(bob, acme, NewLinkedRecord.builder(RecordType.TICKET, "T-1", "Broken link", "OPEN")
                .visibility(Visibility.TEAM).build(), OptionalLong.empty());

        assertThat(summary(acme).overdueInvoices()).isEqualTo(1);
        assertThat(summary(acme).openTickets()).isEqualTo(1);
    }

    @Test
    void aFailedOperationLeavesTheSummaryAsItWas() {
        ApprovalRequest request = approval(acme);
        kit.approvals().decide(carol, acme, request.id(), DecisionKind.APPROVE, Optional.empty());
        WorkspaceSummary before = summary(acme);
        advance(Duration.ofMinutes(1));

        Throwable thrown = catchThrowable(() -> kit.approvals().decide(carol, acme, request.id(), DecisionKind.APPROVE,
                Optional.empty()));

        assertThat(thrown).isNotNull();
        assertThat(summary(acme)).isEqualTo(before);
    }

    /** An overdue invoice in acme, acme's client active (so the invoice is its only reason), MEMBER without billing. */
    private void overdueInvoiceInAcmeAndMembersWithoutBilling() {
        kit.insights().recordVisit(carol, acme);
        kit.records().upsert(bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, "INV-7", "Deposit", "OPEN")
                .dueOn(today().minusDays(1)).build(), OptionalLong.empty());
        var matrix = kit.accessPolicies().matrix(alice);
        Set<Permission> member = EnumSet.copyOf(matrix.permissionsOf(WorkspaceRole.MEMBER));
        member.remove(Permission.VIEW_BILLING);
        kit.accessPolicies().replaceMatrix(alice, matrix.with(WorkspaceRole.MEMBER, member));
    }

    @Test
    void aTeamMemberWithoutViewBillingSeesNoInvoiceAlertsOnThePage() {
        overdueInvoiceInAcmeAndMembersWithoutBilling();

        DashboardRow row = kit.dashboard().page(tom, query().build(), PageRequest.first()).items().get(0);

        assertThat(row.summary().workspaceId()).isEqualTo(acme);
        assertThat(row.summary().overdueInvoices()).isZero();
        assertThat(row.attention()).doesNotContain(AttentionReason.OVERDUE_INVOICE);
    }

    @Test
    void aTeamMemberWithoutViewBillingSeesNoInvoiceAlertsInTheSummary() {
        overdueInvoiceInAcmeAndMembersWithoutBilling();

        DashboardRow row = kit.dashboard().summary(tom, acme);

        assertThat(row.summary().overdueInvoices()).isZero();
        assertThat(row.attention()).doesNotContain(AttentionReason.OVERDUE_INVOICE);
    }

    @Test
    void needsAttentionDoesNotSelectAWorkspaceOnlyForAnInvoiceTheCallerMayNotSee() {
        overdueInvoiceInAcmeAndMembersWithoutBilling();

        assertThat(ids(tom, query().needsAttention(true).build())).doesNotContain(acme);
        assertThat(kit.dashboard().page(alice, query().needsAttention(true).build(), PageRequest.first()).items())
                .filteredOn(r -> r.summary().workspaceId().equals(acme)).singleElement()
                .satisfies(r -> assertThat(r.attention()).containsExactly(AttentionReason.OVERDUE_INVOICE));
    }

    @Test
    void aTeamMemberWithViewBillingSeesTheInvoiceAlerts() {
        kit.insights().recordVisit(carol, acme);
        kit.records().upsert(bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, "INV-7", "Deposit", "OPEN")
                .dueOn(today().minusDays(1)).build(), OptionalLong.empty());

        List<DashboardRow> rows = kit.dashboard().page(tom, query().needsAttention(true).build(),
                PageRequest.first()).items();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.summary().overdueInvoices()).isEqualTo(1);
            assertThat(r.attention()).containsExactly(AttentionReason.OVERDUE_INVOICE);
        });
    }

    // ------------------------------------------------------------------------------------------ filters

    @Test
    void assignedToMeKeepsTheWorkspacesILead() {
        assertThat(ids(bob, query().assignedToMe(true).build())).containsExactlyInAnyOrder(acme, globex);
        assertThat(ids(alice, query().assignedToMe(true).build())).containsExactly(initech);
        assertThat(ids(tom, query().assignedToMe(true).build())).isEmpty();
    }

    @Test
    void textSearchMatchesNameSlugAndExternalReferenceIgnoringCase() {
        kit.workspaces().setExternalRef(alice, initech, Optional.of("CRM-4711"),
                kit.workspaces().get(alice, initech).version());

        assertThat(ids(alice, query().text("ACME").build())).containsExactly(acme);
        assertThat(ids(alice, query().text("lobe").build())).containsExactly(globex);
        assertThat(ids(alice, query().text("crm-47").build())).containsExactly(initech);
        assertThat(ids(alice, query().text("nothing like it").build())).isEmpty();
    }

    @Test
    void needsAttentionFindsAnApprovalPendingForTheThresholdWithItsReason() {
        kit.insights().recordVisit(carol, acme); // so that acme's client is not inactive
        approval(acme);
        advance(Duration.ofDays(2));
        assertThat(ids(alice, query().needsAttention(true).build())).doesNotContain(acme);

        advance(Duration.ofDays(1));

        Page<DashboardRow> page = kit.dashboard().page(alice, query().needsAttention(true).build(),
                PageRequest.first());
        assertThat(page.items()).filteredOn(r -> r.summary().workspaceId().equals(acme)).singleElement()
                .satisfies(r -> assertThat(r.attention()).contains(AttentionReason.PENDING_APPROVAL));
        assertThat(ids(alice, query().needsAttention(true).pendingApprovalDays(5).build())).doesNotContain(acme);
    }

    @Test
    void aClientInactiveWorkspaceNeedsAttentionOnlyWhenItHasClients() {
        List<DashboardRow> rows = kit.dashboard().page(alice, query().needsAttention(true).build(),
                PageRequest.first()).items();

        assertThat(rows).extracting(r -> r.summary().workspaceId()).containsExactly(acme);
        assertThat(rows.get(0).attention()).containsExactly(AttentionReason.CLIENT_INACTIVE);
    }

    @Test
    void aClientWhoActedRecentlyIsNotInactive() {
        kit.insights().recordVisit(carol, acme);
        advance(Duration.ofDays(13));

        assertThat(ids(alice, query().needsAttention(true).build())).doesNotContain(acme);

        advance(Duration.ofDays(1));

        assertThat(ids(alice, query().needsAttention(true).build())).contains(acme);
    }

    @Test
    void atRiskOverdueAndOverdueInvoiceAreReasonsToo() {
        Project p = project(globex);
        kit.projects().setHealth(bob, globex, p.id(), ProjectHealth.OFF_TRACK, p.version());
        task(globex, today().minusDays(3));
        kit.records().upsert(bob, globex, NewLinkedRecord.builder(RecordType.INVOICE, "INV-9", "Retainer", "OPEN")
                .dueOn(today().minusDays(1)).build(), OptionalLong.empty());

        DashboardRow row = kit.dashboard().summary(alice, globex);

        assertThat(row.attention()).containsExactly(AttentionReason.OVERDUE_ITEMS, AttentionReason.AT_RISK,
                AttentionReason.OVERDUE_INVOICE);
    }

    // ------------------------------------------------------------------------------------------ sorts and pages

    @Test
    void theDefaultOrderPutsTheQuietestClientFirst() {
        kit.insights().recordVisit(carol, acme);

        List<WorkspaceId> order = ids(alice, query().anyStatus().build());

        assertThat(order.get(order.size() - 1)).isEqualTo(acme);
        assertThat(ids(alice, query().direction(SortDirection.DESCENDING).build()).get(0)).isEqualTo(acme);
    }

    @Test
    void oldestPendingPutsTheLongestWaitingFirstAndNothingPendingLast() {
        kit.members().add(bob, globex, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        approval(globex);
        advance(Duration.ofHours(1));
        kit.requests().submit(carol, acme, NewRequest.of("Banner", "Please"));

        assertThat(ids(alice, query().sort(DashboardSort.OLDEST_PENDING).build()))
                .containsExactly(globex, acme, initech);
        assertThat(ids(alice, query().sort(DashboardSort.OLDEST_PENDING).direction(SortDirection.DESCENDING).build()))
                .containsExactly(initech, acme, globex);
    }

    @Test
    void nameSortIgnoresCase() {
        WorkspaceId zeta = kit.workspaces().create(alice, NewWorkspace.of("zeta", "zeta")).id();
        WorkspaceId beta = kit.workspaces().create(alice, NewWorkspace.of("beta", "beta")).id();

        assertThat(ids(alice, query().sort(DashboardSort.NAME).build()))
                .containsExactly(acme, beta, globex, initech, zeta);
    }

    @Test
    void pagesVisitEveryWorkspaceOnceAcrossTies() {
        for (int i = 0; i < 9; i++) {
            kit.workspaces().create(alice, NewWorkspace.of("Same Name", "same-" + i));
        }
        for (DashboardSort sort : DashboardSort.values()) {
            for (SortDirection direction : SortDirection.values()) {
                DashboardQuery q = query().sort(sort).direction(direction).build();
                List<WorkspaceId> all = ids(alice, q);
                List<WorkspaceId> paged = new ArrayList<>();
                PageRequest request = PageRequest.first(2);
                while (true) {
                    Page<DashboardRow> page = kit.dashboard().page(alice, q, request);
                    page.items().forEach(r -> paged.add(r.summary().workspaceId()));
                    if (page.nextCursor().isEmpty()) {
                        break;
                    }
                    request = PageRequest.after(page.nextCursor().get(), 2);
                }
                assertThat(paged).as(sort + " " + direction).containsExactlyElementsOf(all).hasSize(12);
                assertThat(new HashSet<>(paged)).hasSize(12);
            }
        }
    }

    @Test
    void aCursorFromAnotherSortOrFilterIsRefusedNamingCursor() {
        Page<DashboardRow> first = kit.dashboard().page(alice, query().sort(DashboardSort.NAME).build(),
                PageRequest.first(1));
        String cursor = first.nextCursor().orElseThrow();

        Throwable otherSort = catchThrowable(() -> kit.dashboard().page(alice,
                query().sort(DashboardSort.OLDEST_PENDING).build(), PageRequest.after(cursor, 1)));
        Throwable otherFilter = catchThrowable(() -> kit.dashboard().page(alice,
                query().sort(DashboardSort.NAME).text("a").build(), PageRequest.after(cursor, 1)));
        Throwable garbage = catchThrowable(() -> kit.dashboard().page(alice, query().build(),
                PageRequest.after("not-a-cursor", 1)));

        for (Throwable t : List.of(otherSort, otherFilter, garbage)) {
            assertThat(t).isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldErrors())
                    .extracting(FieldError::field).containsExactly("cursor"));
        }
    }

    @Test
    void aBadQueryNamesEveryBadField() {
        Throwable thrown = catchThrowable(() -> query().pendingApprovalDays(0).clientInactiveDays(366)
                .text("x".repeat(101)).build());

        assertThat(thrown).isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.fieldErrors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("pendingApprovalDays", "clientInactiveDays", "text"));
    }

    // ------------------------------------------------------------------------------------------ rebuild

    @Test
    void onlyTenantAdminsMayRebuild() {
        assertThat(catchThrowable(() -> kit.dashboard().rebuild(bob))).isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowable(() -> kit.dashboard().rebuild(carol))).isInstanceOf(AccessDeniedException.class);
        assertThat(kit.dashboard().rebuild(alice)).isEqualTo(3);
    }

    @Test
    void aRebuildChangesNothingThatWasKeptRight() {
        approval(acme);
        kit.requests().submit(carol, acme, NewRequest.of("Banner", "Please"));
        List<WorkspaceSummary> before = List.of(summary(acme), summary(globex), summary(initech));
        advance(Duration.ofMinutes(5));

        kit.dashboard().rebuild(alice.tenantId());

        assertThat(List.of(summary(acme), summary(globex), summary(initech))).isEqualTo(before);
    }
}
