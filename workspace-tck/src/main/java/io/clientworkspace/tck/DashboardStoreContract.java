package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.SummaryFilter;
import io.clientworkspace.dashboard.SummaryPosition;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link DashboardStore}: rows keyed by (tenant, workspace), insert-if-absent, replace, and the page
 * query with every filter, every sort in both directions and keyset paging over ties, as {@link SummaryFilter#matches}
 * and {@link SummaryPosition#order} specify. Extend it and implement {@link #createStores()}.
 */
public abstract class DashboardStoreContract extends StoreContractSupport {

    private static final Instant T0 = TestData.EPOCH;

    private DashboardStore store() {
        return stores().require(DashboardStore.class);
    }

    private static WorkspaceSummary summary(Workspace w) {
        return new WorkspaceSummary(w.tenantId(), w.id(), w.name(), w.slug(), w.externalRef(), w.status(),
                Optional.empty(), ProjectHealth.ON_TRACK, 0, Optional.empty(), 0, Optional.empty(), 0, 0,
                Optional.empty(), Optional.empty(), new ChecklistProgress(0, 0), 0, 0, 0, T0);
    }

    /** A row with every field set to something other than the defaults. */
    private static WorkspaceSummary full(Workspace w) {
        return new WorkspaceSummary(w.tenantId(), w.id(), w.name(), w.slug(), Optional.of("ext-" + w.slug()),
                WorkspaceStatus.ARCHIVED, Optional.of(UserId.of("lead-1")), ProjectHealth.OFF_TRACK, 3,
                Optional.of(T0.plusSeconds(1)), 4, Optional.of(T0.plusSeconds(2)), 5, 6,
                Optional.of(T0.plusSeconds(3).plusNanos(123_000)), Optional.of(T0.plusSeconds(4)),
                new ChecklistProgress(2, 7), 8, 9, 10, T0.plusSeconds(5));
    }

    private WorkspaceSummary stored(WorkspaceSummary s) {
        inUnitOfWork(() -> store().insertIfAbsent(s));
        return s;
    }

    private List<WorkspaceSummary> page(TenantId tenant, SummaryFilter filter, DashboardSort sort,
                                        SortDirection direction) {
        return store().page(tenant, filter, sort, direction, Optional.empty(), 500);
    }

    private static SummaryFilter withStatus(WorkspaceStatus status) {
        return new SummaryFilter(Optional.empty(), Optional.empty(), Optional.of(status), Optional.empty(),
                Optional.empty());
    }

    @Test
    void aRowIsStoredWithEveryFieldAndFoundByItsTenantAndWorkspace() {
        Workspace w = storedWorkspace();
        WorkspaceSummary row = stored(full(w));

        assertThat(store().find(w.tenantId(), w.id())).contains(row);
        assertThat(inUnitOfWork(() -> store().findForUpdate(w.tenantId(), w.id()))).contains(row);
    }

    @Test
    void aRowOfAnotherTenantIsNotFound() {
        Workspace w = storedWorkspace();
        stored(summary(w));
        Tenant other = storedTenant();

        assertThat(store().find(other.id(), w.id())).isEmpty();
        assertThat(store().find(w.tenantId(), unknownWorkspaceId())).isEmpty();
        assertThat(inUnitOfWork(() -> store().findForUpdate(other.id(), w.id()))).isEmpty();
    }

    @Test
    void insertIfAbsentKeepsAnExistingRow() {
        Workspace w = storedWorkspace();
        WorkspaceSummary first = stored(summary(w));

        boolean inserted = inUnitOfWork(() -> store().insertIfAbsent(full(w)));

        assertThat(inserted).isFalse();
        assertThat(store().find(w.tenantId(), w.id())).contains(first);
    }

    @Test
    void replaceOverwritesEveryField() {
        Workspace w = storedWorkspace();
        stored(summary(w));

        runInUnitOfWork(() -> store().replace(full(w)));

        assertThat(store().find(w.tenantId(), w.id())).contains(full(w));
    }

    @Test
    void replacingAMissingRowIsAConflict() {
        Workspace w = storedWorkspace();

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> runInUnitOfWork(() -> store().replace(full(w))));
        assertThat(store().find(w.tenantId(), w.id())).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkLeavesNoRow() {
        Workspace w = storedWorkspace();

        try {
            runInUnitOfWork(() -> {
                store().insertIfAbsent(summary(w));
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(store().find(w.tenantId(), w.id())).isEmpty();
    }

    @Test
    void countCountsTheTenantsRowsOnly() {
        Tenant tenant = storedTenant();
        stored(summary(storedWorkspace(tenant)));
        stored(summary(storedWorkspace(tenant)));
        stored(summary(storedWorkspace()));

        assertThat(store().count(tenant.id())).isEqualTo(2);
    }

    @Test
    void aPageHoldsOnlyTheTenantsRows() {
        Tenant tenant = storedTenant();
        WorkspaceSummary mine = stored(summary(storedWorkspace(tenant)));
        stored(summary(storedWorkspace()));

        assertThat(page(tenant.id(), SummaryFilter.none(), DashboardSort.NAME, SortDirection.ASCENDING))
                .containsExactly(mine);
    }

    @Test
    void theStatusFilterKeepsRowsWithThatStatus() {
        Tenant tenant = storedTenant();
        WorkspaceSummary active = stored(summary(storedWorkspace(tenant)));
        WorkspaceSummary archived = stored(full(storedWorkspace(tenant)));

        assertThat(page(tenant.id(), withStatus(WorkspaceStatus.ACTIVE), DashboardSort.NAME, SortDirection.ASCENDING))
                .containsExactly(active);
        assertThat(page(tenant.id(), withStatus(WorkspaceStatus.ARCHIVED), DashboardSort.NAME,
                SortDirection.ASCENDING)).containsExactly(archived);
    }

    @Test
    void theLeadFilterKeepsRowsLedByTheUser() {
        Tenant tenant = storedTenant();
        stored(summary(storedWorkspace(tenant)));
        WorkspaceSummary led = stored(full(storedWorkspace(tenant)));
        SummaryFilter filter = new SummaryFilter(Optional.empty(), Optional.of(UserId.of("lead-1")), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(page(tenant.id(), filter, DashboardSort.NAME, SortDirection.ASCENDING)).containsExactly(led);
    }

    @Test
    void theTextFilterMatchesNameSlugOrExternalRefIgnoringCase() {
        Tenant tenant = storedTenant();
        Workspace a = storedWorkspace(tenant);
        Workspace b = storedWorkspace(tenant);
        Workspace c = storedWorkspace(tenant);
        WorkspaceSummary byName = stored(rename(summary(a), "Acme Widgets", "aaa", Optional.empty()));
        WorkspaceSummary bySlug = stored(rename(summary(b), "Other", "widgets-co", Optional.empty()));
        WorkspaceSummary byRef = stored(rename(summary(c), "Third", "ccc", Optional.of("CRM-WIDGETS-9")));
        stored(rename(summary(storedWorkspace(tenant)), "Unrelated", "zzz", Optional.of("nope")));

        List<WorkspaceSummary> found = page(tenant.id(), text("WiDgEtS"), DashboardSort.NAME, SortDirection.ASCENDING);

        assertThat(found).containsExactlyInAnyOrder(byName, bySlug, byRef);
    }

    @Test
    void theTextFilterTakesPercentAndUnderscoreLiterally() {
        Tenant tenant = storedTenant();
        WorkspaceSummary percent = stored(rename(summary(storedWorkspace(tenant)), "100% done", "p1", Optional.empty()));
        stored(rename(summary(storedWorkspace(tenant)), "100 and done", "p2", Optional.empty()));
        WorkspaceSummary underscore = stored(rename(summary(storedWorkspace(tenant)), "a_b", "p3", Optional.empty()));
        stored(rename(summary(storedWorkspace(tenant)), "axb", "p4", Optional.empty()));

        assertThat(page(tenant.id(), text("0%"), DashboardSort.NAME, SortDirection.ASCENDING)).containsExactly(percent);
        assertThat(page(tenant.id(), text("a_b"), DashboardSort.NAME, SortDirection.ASCENDING))
                .containsExactly(underscore);
    }

    @Test
    void theAttentionFilterKeepsRowsWithAnyReason() {
        Tenant tenant = storedTenant();
        Instant since = T0.plusSeconds(1000);
        WorkspaceSummary quiet = stored(summary(storedWorkspace(tenant)));
        WorkspaceSummary oldApproval = stored(with(summary(storedWorkspace(tenant)), 1, Optional.of(since), 0, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 0));
        stored(with(summary(storedWorkspace(tenant)), 1, Optional.of(since.plusSeconds(1)), 0, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 0));
        WorkspaceSummary overdueTask = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 1, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 0));
        WorkspaceSummary overdueMilestone = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 1,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 0));
        WorkspaceSummary atRisk = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.AT_RISK, 0, Optional.empty(), 0));
        WorkspaceSummary offTrack = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.OFF_TRACK, 0, Optional.empty(), 0));
        stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0, ProjectHealth.ON_HOLD, 0,
                Optional.empty(), 0));
        WorkspaceSummary neverVisited = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.ON_TRACK, 1, Optional.empty(), 0));
        WorkspaceSummary inactive = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.ON_TRACK, 2, Optional.of(since), 0));
        stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0, ProjectHealth.ON_TRACK, 2,
                Optional.of(since.plusSeconds(1)), 0));
        WorkspaceSummary invoice = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 1));
        SummaryFilter filter = new SummaryFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new SummaryFilter.Attention(since, since)));

        List<WorkspaceSummary> found = page(tenant.id(), filter, DashboardSort.NAME, SortDirection.ASCENDING);

        assertThat(found).containsExactlyInAnyOrder(oldApproval, overdueTask, overdueMilestone, atRisk, offTrack,
                neverVisited, inactive, invoice);
        assertThat(found).doesNotContain(quiet);
    }

    @Test
    void theServedByFilterKeepsWorkspacesWhereTheUserHoldsOneOfTheRoles() {
        Tenant tenant = storedTenant();
        Workspace led = storedWorkspace(tenant);
        Workspace member = storedWorkspace(tenant);
        Workspace asClient = storedWorkspace(tenant);
        Workspace none = storedWorkspace(tenant);
        for (Workspace w : List.of(led, member, asClient, none)) {
            stored(summary(w));
        }
        UserId tom = data.userId();
        runInUnitOfWork(() -> {
            stores().memberships().insert(membership(led, tom, WorkspaceRole.LEAD));
            stores().memberships().insert(membership(member, tom, WorkspaceRole.MEMBER));
            stores().memberships().insert(membership(asClient, tom, WorkspaceRole.CLIENT_ADMIN));
            stores().memberships().insert(membership(none, data.userId(), WorkspaceRole.LEAD));
        });

        List<WorkspaceSummary> both = page(tenant.id(), served(tom, Set.of(WorkspaceRole.LEAD, WorkspaceRole.MEMBER)),
                DashboardSort.NAME, SortDirection.ASCENDING);
        List<WorkspaceSummary> leadOnly = page(tenant.id(), served(tom, Set.of(WorkspaceRole.LEAD)),
                DashboardSort.NAME, SortDirection.ASCENDING);

        assertThat(both).extracting(WorkspaceSummary::workspaceId).containsExactlyInAnyOrder(led.id(), member.id());
        assertThat(leadOnly).extracting(WorkspaceSummary::workspaceId).containsExactly(led.id());
    }

    @Test
    void everySortAndDirectionFollowsTheSpecifiedOrderAndPagesVisitEachRowOnce() {
        Tenant tenant = storedTenant();
        List<WorkspaceSummary> rows = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Workspace w = storedWorkspace(tenant);
            // few distinct keys, so that ties and empty keys meet page boundaries
            Optional<Instant> activity = i % 3 == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(i % 4));
            Optional<Instant> approval = i % 4 == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(i % 3));
            Optional<Instant> request = i % 5 == 0 ? Optional.of(T0.minusSeconds(1)) : Optional.empty();
            String name = List.of("Beta", "alpha", "Alpha", "gamma", "beta").get(i % 5);
            WorkspaceSummary s = rename(summary(w), name, w.slug(), Optional.empty());
            s = new WorkspaceSummary(s.tenantId(), s.workspaceId(), s.name(), s.slug(), s.externalRef(), s.status(),
                    s.lead(), s.health(), approval.isPresent() ? 1 : 0, approval, request.isPresent() ? 1 : 0, request,
                    0, 0, activity, Optional.empty(), s.onboarding(), 0, 0, 0, s.updatedAt());
            rows.add(stored(s));
        }
        for (DashboardSort sort : DashboardSort.values()) {
            for (SortDirection direction : SortDirection.values()) {
                Comparator<SummaryPosition> order = SummaryPosition.order(sort, direction);
                List<WorkspaceSummary> expected = rows.stream()
                        .sorted(Comparator.comparing(r -> SummaryPosition.of(r, sort), order)).toList();

                assertThat(page(tenant.id(), SummaryFilter.none(), sort, direction)).as(sort + " " + direction)
                        .containsExactlyElementsOf(expected);
                assertThat(pageThrough(tenant.id(), sort, direction, 2)).as(sort + " " + direction + " by pages of 2")
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aPageIsFullWhenMoreMatchingRowsFollow() {
        Tenant tenant = storedTenant();
        for (int i = 0; i < 6; i++) {
            stored(summary(storedWorkspace(tenant)));
            stored(full(storedWorkspace(tenant))); // archived: filtered out in the query
        }

        List<WorkspaceSummary> first = store().page(tenant.id(), withStatus(WorkspaceStatus.ACTIVE),
                DashboardSort.NAME, SortDirection.ASCENDING, Optional.empty(), 4);

        assertThat(first).hasSize(4).allMatch(r -> r.status() == WorkspaceStatus.ACTIVE);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private List<WorkspaceSummary> pageThrough(TenantId tenant, DashboardSort sort, SortDirection direction,
                                               int limit) {
        List<WorkspaceSummary> all = new ArrayList<>();
        Optional<SummaryPosition> after = Optional.empty();
        for (int guard = 0; guard < 100; guard++) {
            List<WorkspaceSummary> page = store().page(tenant, SummaryFilter.none(), sort, direction, after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = Optional.of(SummaryPosition.of(page.get(page.size() - 1), sort));
        }
        throw new AssertionError("paging did not end");
    }

    private Membership membership(Workspace w, UserId user, WorkspaceRole role) {
        return new Membership(w.tenantId(), w.id(), user, role, T0, 0);
    }

    @Test
    void theAttentionFilterWithoutInvoicesLeavesOutRowsNeedingAttentionOnlyForAnInvoice() {
        Tenant tenant = storedTenant();
        Instant since = T0.plusSeconds(1000);
        WorkspaceSummary invoiceOnly = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 0, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 1));
        WorkspaceSummary invoiceAndTask = stored(with(summary(storedWorkspace(tenant)), 0, Optional.empty(), 1, 0,
                ProjectHealth.ON_TRACK, 0, Optional.empty(), 1));
        SummaryFilter filter = new SummaryFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new SummaryFilter.Attention(since, since, false)));

        List<WorkspaceSummary> found = page(tenant.id(), filter, DashboardSort.NAME, SortDirection.ASCENDING);

        assertThat(found).containsExactly(invoiceAndTask);
        assertThat(found).doesNotContain(invoiceOnly);
    }

    private static SummaryFilter served(UserId user, Set<WorkspaceRole> roles) {
        return new SummaryFilter(Optional.of(new SummaryFilter.ServedBy(user, roles)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SummaryFilter text(String text) {
        return new SummaryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text),
                Optional.empty());
    }

    private static WorkspaceSummary rename(WorkspaceSummary s, String name, String slug, Optional<String> ref) {
        return new WorkspaceSummary(s.tenantId(), s.workspaceId(), name, slug, ref, s.status(), s.lead(), s.health(),
                s.pendingApprovals(), s.oldestPendingApprovalAt(), s.openRequests(), s.oldestOpenRequestAt(),
                s.overdueTasks(), s.overdueMilestones(), s.lastClientActivityAt(), s.lastTeamActivityAt(),
                s.onboarding(), s.overdueInvoices(), s.openTickets(), s.clientMembers(), s.updatedAt());
    }

    private static WorkspaceSummary with(WorkspaceSummary s, int approvals, Optional<Instant> oldestApproval,
                                         int overdueTasks, int overdueMilestones, ProjectHealth health,
                                         int clientMembers, Optional<Instant> lastClient, int overdueInvoices) {
        return new WorkspaceSummary(s.tenantId(), s.workspaceId(), s.name(), s.slug(), s.externalRef(), s.status(),
                s.lead(), health, approvals, oldestApproval, 0, Optional.empty(), overdueTasks, overdueMilestones,
                lastClient, Optional.empty(), s.onboarding(), overdueInvoices, 0, clientMembers, s.updatedAt());
    }
}
