package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.insight.ClientTurnaround;
import io.clientworkspace.insight.ClientTurnaroundReport;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.DurationStats;
import io.clientworkspace.insight.InsightEvent;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;
import io.clientworkspace.insight.WeekPoint;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The insights feature through {@link WorkspaceKit#insights()} on a store set, with a clock the test moves: a scripted
 * history gives known figures (weekly active clients deduplicated per user, day and week; approval turnaround median
 * and p90 within their histogram bucket and the observed range (one sample: exactly itself), exact counts and means;
 * request first response and resolution; time-to-onboard; overdue rate), reports cover whole ISO weeks with the current one partial and last, clients and
 * team members without the right role are denied, and a history twice as long costs the same store reads. Extend it
 * and implement {@link #createStores()}.
 */
public abstract class InsightsContract {

    /** Monday 2031-03-03, 09:00 UTC. */
    private static final Instant MONDAY = Instant.parse("2031-03-03T09:00:00Z");
    private static final LocalDate MONDAY_DATE = LocalDate.of(2031, 3, 3);

    /** A clock the test sets by hand. */
    private static final class SetClock extends Clock {
        private volatile Instant now = MONDAY;

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

    /** Counts the store's rollup reads and the rows they return. */
    private static final class CountingInsightStore implements InsightStore {
        private final InsightStore delegate;
        final AtomicLong reads = new AtomicLong();
        final AtomicLong rows = new AtomicLong();

        CountingInsightStore(InsightStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public VisitMark markVisit(TenantId tenantId, InsightScope scope, UserId user, LocalDate day, Instant at) {
            return delegate.markVisit(tenantId, scope, user, day, at);
        }

        @Override
        public boolean markOnTime(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn) {
            return delegate.markOnTime(tenantId, workspaceId, item, dueOn);
        }

        @Override
        public Optional<Instant> lastVisit(TenantId tenantId, WorkspaceId workspaceId) {
            return delegate.lastVisit(tenantId, workspaceId);
        }

        @Override
        public void count(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta) {
            delegate.count(tenantId, scope, day, metric, delta);
        }

        @Override
        public void sample(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, Duration value) {
            delegate.sample(tenantId, scope, day, metric, value);
        }

        @Override
        public List<DailyRollup> rollups(TenantId tenantId, InsightScope scope, Set<InsightMetric> metrics,
                                         LocalDate from, LocalDate to) {
            return counted(delegate.rollups(tenantId, scope, metrics, from, to));
        }

        @Override
        public List<DailyRollup> rollupsOfKind(TenantId tenantId, InsightScope.Kind kind, InsightMetric metric,
                                               LocalDate from, LocalDate to) {
            return counted(delegate.rollupsOfKind(tenantId, kind, metric, from, to));
        }

        private List<DailyRollup> counted(List<DailyRollup> found) {
            reads.incrementAndGet();
            rows.addAndGet(found.size());
            return found;
        }
    }

    private final SetClock clock = new SetClock();
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private CountingInsightStore store;
    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor tom;
    private Actor carol;
    private Actor erin;
    private Actor gary;
    private WorkspaceId acme;
    private WorkspaceId globex;

    /** A new, empty store set providing the insights feature's store (and every other feature's). */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        Stores stores = createStores();
        store = new CountingInsightStore(stores.require(InsightStore.class));
        kit = WorkspaceKit.builder().stores(stores.with(InsightStore.class, store)).clock(clock)
                .userDirectory((t, u) -> true).listener(events::add).build();
        var tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        tom = Actor.team(tenant, "tom");
        carol = Actor.client(tenant, "carol");
        erin = Actor.client(tenant, "erin");
        gary = Actor.client(tenant, "gary");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, tom.userId(), TenantRole.TEAM_MEMBER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme", "acme")).id();
        globex = kit.workspaces().create(bob, NewWorkspace.of("Globex", "globex")).id();
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, acme, erin.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, globex, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, globex, gary.userId(), WorkspaceRole.CLIENT_ADMIN);
        events.clear();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void advance(Duration by) {
        clock.now = clock.now.plus(by);
    }

    private void at(LocalDate day, int hour) {
        clock.now = day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private ApprovalRequest askCarol(WorkspaceId workspace, String title) {
        return kit.approvals().requestForDeliverable(bob, workspace, title, Optional.empty(),
                NewApproval.of(title, Set.of(carol.userId())));
    }

    /** An approval asked of carol now and approved by her after {@code turnaround}. */
    private void approvedAfter(WorkspaceId workspace, Duration turnaround) {
        ApprovalRequest request = askCarol(workspace, "Deliverable");
        advance(turnaround);
        kit.approvals().decide(carol, workspace, request.id(), DecisionKind.APPROVE, Optional.empty());
    }

    private WeekPoint lastWeek(InsightReport report) {
        return report.weeks().get(report.weeks().size() - 1);
    }

    private static void assertWithin(Optional<Duration> value, Duration lower, Duration upper) {
        assertThat(value).hasValueSatisfying(d -> assertThat(d).isBetween(lower, upper));
    }

    // ------------------------------------------------------------------------------------------ visits

    @Test
    void aClientsFirstVisitOfTheDayIsRecordedAndLaterOnesAreNot() {
        assertThat(kit.insights().recordVisit(carol, acme)).isTrue();
        advance(Duration.ofHours(2));

        assertThat(kit.insights().recordVisit(carol, acme)).isFalse();
        assertThat(kit.insights().tenantReport(alice, 1).weeks().get(0).weeklyActiveClients()).isEqualTo(1);
    }

    @Test
    void theFirstVisitOfADayPublishesATeamOnlyEventWithoutActivity() {
        kit.insights().recordVisit(carol, acme);
        kit.insights().recordVisit(carol, acme);

        assertThat(events).filteredOn(InsightEvent.ClientVisited.class::isInstance).singleElement().satisfies(e -> {
            assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(e.workspaceId()).contains(acme);
            assertThat(e.actor()).isEqualTo(carol);
            assertThat(e.activity()).isEmpty();
        });
    }

    @Test
    void theLastClientVisitOfAWorkspaceIsTheLatestFirstVisitOfADay() {
        kit.insights().recordVisit(carol, acme);
        advance(Duration.ofDays(1));
        Instant tuesday = clock.now;
        kit.insights().recordVisit(erin, acme);
        advance(Duration.ofHours(1));
        kit.insights().recordVisit(erin, acme);

        assertThat(store.lastVisit(carol.tenantId(), acme)).contains(tuesday);
    }

    @Test
    void teamVisitsAndWorkspacesAClientMayNotSeeAreIgnored() {
        assertThat(kit.insights().recordVisit(bob, acme)).isFalse();
        assertThat(kit.insights().recordVisit(gary, acme)).isFalse();
        assertThat(kit.insights().recordVisit(gary, WorkspaceId.of("nowhere"))).isFalse();

        assertThat(kit.insights().tenantReport(alice, 1).weeks().get(0).weeklyActiveClients()).isZero();
        assertThat(store.lastVisit(carol.tenantId(), acme)).isEmpty();
        assertThat(events).noneMatch(InsightEvent.ClientVisited.class::isInstance);
    }

    @Test
    void weeklyActiveClientsCountEachUserOncePerWeekAcrossDaysAndWorkspaces() {
        kit.insights().recordVisit(carol, acme);
        kit.insights().recordVisit(carol, globex);
        kit.insights().recordVisit(erin, acme);
        advance(Duration.ofDays(1));
        kit.insights().recordVisit(carol, acme);
        advance(Duration.ofDays(2));
        kit.insights().recordVisit(carol, globex);
        advance(Duration.ofDays(4));
        kit.insights().recordVisit(carol, acme);

        InsightReport tenant = kit.insights().tenantReport(alice, 2);
        InsightReport acmeReport = kit.insights().workspaceReport(alice, acme, 2);
        InsightReport globexReport = kit.insights().workspaceReport(alice, globex, 2);

        assertThat(tenant.weeks()).extracting(WeekPoint::weeklyActiveClients).containsExactly(2L, 1L);
        assertThat(acmeReport.weeks()).extracting(WeekPoint::weeklyActiveClients).containsExactly(2L, 1L);
        assertThat(globexReport.weeks()).extracting(WeekPoint::weeklyActiveClients).containsExactly(1L, 0L);
    }

    // ------------------------------------------------------------------------------------------ figures

    @Test
    void approvalTurnaroundHasAnExactCountAndMeanAndMedianAndP90WithinTheirBuckets() {
        for (int hours : new int[]{1, 3, 3, 3, 10}) {
            at(MONDAY_DATE, 8);
            approvedAfter(acme, Duration.ofHours(hours));
        }

        DurationStats stats = lastWeek(kit.insights().workspaceReport(bob, acme, 1)).approvalTurnaround();

        assertThat(stats.count()).isEqualTo(5);
        assertThat(stats.mean()).contains(Duration.ofHours(4));
        assertWithin(stats.median(), Duration.ofHours(2), Duration.ofHours(4));
        assertWithin(stats.p90(), Duration.ofHours(8), Duration.ofHours(12));
    }

    @Test
    void aSingleApprovalReportsItsExactTurnaroundAsMedianAndP90() {
        approvedAfter(acme, Duration.ofDays(21));

        DurationStats stats = lastWeek(kit.insights().workspaceReport(bob, acme, 1)).approvalTurnaround();

        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.median()).contains(Duration.ofDays(21));
        assertThat(stats.p90()).contains(Duration.ofDays(21));
    }

    @Test
    void twoApprovalsReportMedianAndP90WithinTheirTurnarounds() {
        approvedAfter(acme, Duration.ofMinutes(65));
        approvedAfter(acme, Duration.ofMinutes(70));

        DurationStats stats = lastWeek(kit.insights().workspaceReport(bob, acme, 1)).approvalTurnaround();

        assertThat(stats.count()).isEqualTo(2);
        assertWithin(stats.median(), Duration.ofMinutes(65), Duration.ofMinutes(70));
        assertWithin(stats.p90(), Duration.ofMinutes(65), Duration.ofMinutes(70));
    }

    @Test
    void cancelledApprovalsAreNoDecisions() {
        ApprovalRequest request = askCarol(acme, "Deliverable");
        advance(Duration.ofHours(1));
        kit.approvals().cancel(bob, acme, request.id());

        assertThat(lastWeek(kit.insights().tenantReport(alice, 1)).approvalTurnaround())
                .isEqualTo(DurationStats.none());
    }

    @Test
    void approvalTurnaroundPerClientUserSpansWorkspaces() {
        approvedAfter(acme, Duration.ofHours(3));
        approvedAfter(globex, Duration.ofHours(5));
        ApprovalRequest forGary = kit.approvals().requestForDeliverable(bob, globex, "Specs", Optional.empty(),
                NewApproval.of("Specs", Set.of(gary.userId())));
        advance(Duration.ofMinutes(30));
        kit.approvals().decide(gary, globex, forGary.id(), DecisionKind.APPROVE, Optional.empty());

        ClientTurnaroundReport report = kit.insights().clientTurnaround(alice, 12);

        assertThat(report.clients()).extracting(c -> c.userId().value()).containsExactly("carol", "gary");
        ClientTurnaround forCarol = report.clients().get(0);
        assertThat(forCarol.turnaround().count()).isEqualTo(2);
        assertThat(forCarol.turnaround().mean()).contains(Duration.ofHours(4));
        assertThat(report.clients().get(1).turnaround().count()).isEqualTo(1);
    }

    @Test
    void requestFirstResponseAndResolutionAreMeasuredFromTheSubmission() {
        ClientRequest submitted = kit.requests().submit(carol, acme, NewRequest.of("New logo", "Please"));
        advance(Duration.ofHours(2));
        ClientRequest started = kit.requests().changeStatus(bob, acme, submitted.id(), RequestStatus.IN_PROGRESS,
                Optional.empty(), submitted.version());
        advance(Duration.ofHours(22));
        kit.requests().changeStatus(bob, acme, submitted.id(), RequestStatus.DONE, Optional.empty(),
                started.version());

        WeekPoint week = lastWeek(kit.insights().workspaceReport(bob, acme, 1));

        assertThat(week.firstResponse().count()).isEqualTo(1);
        assertThat(week.firstResponse().mean()).contains(Duration.ofHours(2));
        assertThat(week.resolution().count()).isEqualTo(1);
        assertThat(week.resolution().mean()).contains(Duration.ofHours(24));
        assertWithin(week.resolution().median(), Duration.ofHours(12), Duration.ofHours(24));
    }

    @Test
    void timeToOnboardRunsFromTheSignedContractToTheChecklistAndTheFirstDelivery() {
        kit.projects().recordContractSigned(bob, acme, MONDAY.minus(Duration.ofDays(10)));
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        Task kickoff = kit.tasks().addTask(bob, acme, checklist.id(), new NewTask("Kick-off", "", TaskSide.TEAM,
                Optional.empty(), Optional.empty(), Visibility.CLIENT));
        kit.tasks().complete(bob, acme, kickoff.id(), kickoff.version());
        Project project = kit.projects().create(bob, acme, new NewProject("Brand", "", Visibility.CLIENT,
                Optional.empty(), Optional.empty(), bob.userId()));
        Milestone concepts = kit.projects().addMilestone(bob, acme, project.id(),
                new NewMilestone("Concepts", Optional.empty(), false));
        advance(Duration.ofDays(4));
        kit.projects().deliver(bob, acme, concepts.id(), concepts.version());

        InsightReport report = kit.insights().workspaceReport(bob, acme, 2);

        assertThat(report.onboarding().toChecklist().count()).isEqualTo(1);
        assertThat(report.onboarding().toChecklist().mean()).contains(Duration.ofDays(10));
        assertThat(report.onboarding().toFirstDelivery().mean()).contains(Duration.ofDays(14));
        assertThat(report.facts()).hasValueSatisfying(f -> assertThat(f.timeToFirstDelivery())
                .contains(Duration.ofDays(14)));
        assertThat(kit.insights().tenantReport(alice, 2).onboarding().toFirstDelivery().count()).isEqualTo(1);
    }

    @Test
    void theOverdueRateIsOverdueItemsOverOverdueAndOnTimeItems() {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        NewTask late = new NewTask("Late", "", TaskSide.TEAM, Optional.empty(), Optional.of(MONDAY_DATE),
                Visibility.CLIENT);
        NewTask onTime = new NewTask("On time", "", TaskSide.TEAM, Optional.empty(),
                Optional.of(MONDAY_DATE.plusDays(3)), Visibility.CLIENT);
        NewTask undated = new NewTask("Undated", "", TaskSide.TEAM, Optional.empty(), Optional.empty(),
                Visibility.CLIENT);
        kit.tasks().addTask(bob, acme, checklist.id(), late);
        Task twice = kit.tasks().addTask(bob, acme, checklist.id(), onTime);
        Task thrice = kit.tasks().addTask(bob, acme, checklist.id(), onTime);
        Task never = kit.tasks().addTask(bob, acme, checklist.id(), undated);
        advance(Duration.ofDays(1));
        kit.projects().sweepOverdue(clock.now, 100);
        kit.tasks().complete(bob, acme, twice.id(), twice.version());
        kit.tasks().complete(bob, acme, thrice.id(), thrice.version());
        kit.tasks().complete(bob, acme, never.id(), never.version());

        WeekPoint week = lastWeek(kit.insights().workspaceReport(bob, acme, 1));

        assertThat(week.itemsOverdue()).isEqualTo(1);
        assertThat(week.itemsOnTime()).isEqualTo(2);
        assertThat(week.overdueRate()).hasValueSatisfying(r -> assertThat(r).isCloseTo(1.0 / 3, within()));
    }

    @Test
    void aTaskCompletedOnTimeReopenedAndCompletedAgainCountsOnce() {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        Task task = kit.tasks().addTask(bob, acme, checklist.id(), new NewTask("On time", "", TaskSide.TEAM,
                Optional.empty(), Optional.of(MONDAY_DATE.plusDays(3)), Visibility.CLIENT));
        Task done = kit.tasks().complete(bob, acme, task.id(), task.version());
        Task reopened = kit.tasks().uncomplete(bob, acme, task.id(), done.version());
        Task doneAgain = kit.tasks().complete(bob, acme, task.id(), reopened.version());
        kit.tasks().complete(bob, acme, task.id(), kit.tasks().uncomplete(bob, acme, task.id(),
                doneAgain.version()).version());

        assertThat(lastWeek(kit.insights().workspaceReport(bob, acme, 1)).itemsOnTime()).isEqualTo(1);
        assertThat(lastWeek(kit.insights().tenantReport(alice, 1)).itemsOnTime()).isEqualTo(1);
    }

    @Test
    void aTaskCompletedOnTimeAgainForANewDueDateCountsAgain() {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme);
        NewTask first = new NewTask("On time", "", TaskSide.TEAM, Optional.empty(),
                Optional.of(MONDAY_DATE.plusDays(3)), Visibility.CLIENT);
        Task task = kit.tasks().addTask(bob, acme, checklist.id(), first);
        Task done = kit.tasks().complete(bob, acme, task.id(), task.version());
        Task reopened = kit.tasks().uncomplete(bob, acme, task.id(), done.version());
        Task moved = kit.tasks().update(bob, acme, task.id(), new NewTask("On time", "", TaskSide.TEAM,
                Optional.empty(), Optional.of(MONDAY_DATE.plusDays(4)), Visibility.CLIENT), reopened.version());

        kit.tasks().complete(bob, acme, task.id(), moved.version());

        assertThat(lastWeek(kit.insights().workspaceReport(bob, acme, 1)).itemsOnTime()).isEqualTo(2);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    @Test
    void aWeekWithoutDueItemsHasNoOverdueRate() {
        assertThat(lastWeek(kit.insights().tenantReport(alice, 1)).overdueRate()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ windows

    @Test
    void aReportCoversWholeIsoWeeksWithTheCurrentOnePartialAndLast() {
        at(MONDAY_DATE.plusDays(2), 15);

        InsightReport report = kit.insights().tenantReport(alice);

        assertThat(report.weeks()).hasSize(12);
        assertThat(report.from()).isEqualTo(MONDAY_DATE.minusWeeks(11));
        assertThat(report.to()).isEqualTo(MONDAY_DATE.plusDays(2));
        assertThat(report.weeks()).extracting(WeekPoint::weekStart)
                .startsWith(MONDAY_DATE.minusWeeks(11)).endsWith(MONDAY_DATE);
        assertThat(report.weeks()).filteredOn(WeekPoint::partial).extracting(WeekPoint::weekStart)
                .containsExactly(MONDAY_DATE);
    }

    @Test
    void figuresOlderThanTheWindowAreLeftOut() {
        approvedAfter(acme, Duration.ofHours(1));
        advance(Duration.ofDays(7 * 12));
        approvedAfter(acme, Duration.ofHours(2));

        InsightReport report = kit.insights().tenantReport(alice, 12);

        assertThat(report.weeks().stream().mapToLong(w -> w.approvalTurnaround().count()).sum()).isEqualTo(1);
        assertThat(kit.insights().tenantReport(alice, 13).weeks().stream()
                .mapToLong(w -> w.approvalTurnaround().count()).sum()).isEqualTo(2);
    }

    @Test
    void aHistoryTwiceAsLongCostsTheSameReads() {
        for (int week = 0; week < 15; week++) {
            kit.insights().recordVisit(carol, acme);
            approvedAfter(acme, Duration.ofHours(1));
            advance(Duration.ofDays(7).minusHours(1));
        }
        store.reads.set(0);
        store.rows.set(0);
        kit.insights().tenantReport(alice, 12);
        kit.insights().workspaceReport(alice, acme, 12);
        kit.insights().clientTurnaround(alice, 12);
        long reads = store.reads.get();
        long rows = store.rows.get();
        for (int week = 0; week < 15; week++) {
            kit.insights().recordVisit(carol, acme);
            approvedAfter(acme, Duration.ofHours(1));
            advance(Duration.ofDays(7).minusHours(1));
        }
        store.reads.set(0);
        store.rows.set(0);

        kit.insights().tenantReport(alice, 12);
        kit.insights().workspaceReport(alice, acme, 12);
        kit.insights().clientTurnaround(alice, 12);

        assertThat(reads).isEqualTo(3);
        assertThat(store.reads.get()).isEqualTo(reads);
        assertThat(store.rows.get()).isEqualTo(rows).isLessThanOrEqualTo(3L * 84 * InsightMetric.values().length);
    }

    // ------------------------------------------------------------------------------------------ who reads

    @Test
    void clientsGetNotFoundForAWorkspaceReportAsForAWorkspaceThatDoesNotExist() {
        WorkspaceId gone = WorkspaceId.of(acme.value() + "-gone");

        Throwable forAcme = catchThrowable(() -> kit.insights().workspaceReport(carol, acme, 12));
        Throwable forNothing = catchThrowable(() -> kit.insights().workspaceReport(bob, gone, 12));

        assertThat(forAcme).isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("workspace", acme.value()).getMessage());
        assertThat(forNothing).isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("workspace", gone.value()).getMessage());
    }

    @Test
    void clientsAndPlainTeamMembersAreDeniedTenantReports() {
        assertThat(catchThrowable(() -> kit.insights().tenantReport(carol, 12)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowable(() -> kit.insights().clientTurnaround(carol, 12)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catchThrowable(() -> kit.insights().tenantReport(tom, 12)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void accountManagersReadTenantReports() {
        assertThat(kit.insights().tenantReport(bob, 4).weeks()).hasSize(4);
        assertThat(kit.insights().clientTurnaround(bob, 4).clients()).isEmpty();
    }

    @Test
    void theHostReadsTheTenantReportWithoutAnActor() {
        kit.insights().recordVisit(carol, acme);
        approvedAfter(acme, Duration.ofHours(3));

        assertThat(kit.insights().tenantReportForHost(alice.tenantId(), 12))
                .isEqualTo(kit.insights().tenantReport(alice, 12));
    }

    @Test
    void aTeamMemberOutsideTheWorkspaceGetsNotFound() {
        assertThat(catchThrowable(() -> kit.insights().workspaceReport(tom, globex, 12)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void weeksOutsideOneToFiftyTwoAreRefusedNamingTheField() {
        assertThat(catchThrowable(() -> kit.insights().tenantReport(alice, 0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("weeks"));
        assertThat(catchThrowable(() -> kit.insights().workspaceReport(alice, acme, 53)))
                .isInstanceOf(ValidationException.class);
    }
}
