package io.clientworkspace.benchmarks;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import org.hibernate.stat.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SQL statements per operation, counted with Hibernate's statistics ({@code getPrepareStatementCount}):
 * cold (every permission cache emptied first, as right after a start) and warm (run again at once).
 */
final class StatementCounts {

    /** Statements one operation ran. */
    record Count(String operation, long cold, long warm) {
    }

    private StatementCounts() {
    }

    /** The listing benchmark's operations on the data set of {@code workspaces} workspaces. */
    static List<Count> listing(int workspaces) {
        try (JpaKit db = JpaKit.open(Datasets.listingDb(workspaces), Authorizer.CacheSettings.defaults(), 2, true)) {
            WorkspaceKit kit = db.kit();
            TenantId tenant = TenantId.of(Datasets.LISTING_TENANT);
            Actor admin = Actor.team(tenant, Datasets.ADMIN);
            Actor member = Actor.team(tenant, ListingBenchmark.MEMBER);
            int middle = workspaces / 2;
            WorkspaceId workspace = WorkspaceId.of(Datasets.workspaceId(middle));
            Actor client = Actor.client(tenant, Datasets.member(middle, 5, Datasets.LISTING_TEAM));
            Optional<String> secondPage = ListingBenchmark.list(kit, admin, Optional.empty()).nextCursor();
            Optional<String> memberSecondPage = ListingBenchmark.list(kit, member, Optional.empty()).nextCursor();
            List<Count> counts = new ArrayList<>();
            counts.add(count(db, "operatorPage (first)", () -> ListingBenchmark.list(kit, admin, Optional.empty())));
            counts.add(count(db, "operatorPage (next)", () -> ListingBenchmark.list(kit, admin, secondPage)));
            counts.add(count(db, "memberPage (next)", () -> ListingBenchmark.list(kit, member, memberSecondPage)));
            counts.add(count(db, "teamFeedPage", () -> ListingBenchmark.teamFeed(kit, admin, workspace)));
            counts.add(count(db, "clientFeedPage", () -> ListingBenchmark.clientFeed(kit, client, workspace)));
            return counts;
        }
    }

    /** The dashboard benchmark's pages on the data set of {@code workspaces} workspaces. */
    static List<Count> dashboard(int workspaces) {
        try (JpaKit db = JpaKit.open(DashboardSeeder.database(workspaces), Authorizer.CacheSettings.defaults(), 2, true)) {
            WorkspaceKit kit = db.kit();
            TenantId tenant = TenantId.of(DashboardSeeder.TENANT);
            Actor admin = Actor.team(tenant, Datasets.ADMIN);
            Actor lead = Actor.team(tenant, DashboardSeeder.LEAD);
            Optional<String> second = DashboardBenchmark.page(kit, admin, DashboardBenchmark.DEFAULT, Optional.empty())
                    .nextCursor();
            Optional<String> attentionSecond = DashboardBenchmark.page(kit, admin, DashboardBenchmark.ATTENTION,
                    Optional.empty()).nextCursor();
            Optional<String> assignedSecond = DashboardBenchmark.page(kit, lead, DashboardBenchmark.ASSIGNED,
                    Optional.empty()).nextCursor();
            List<Count> counts = new ArrayList<>();
            counts.add(count(db, "adminPage (first)", () -> DashboardBenchmark.page(kit, admin, DashboardBenchmark.DEFAULT,
                    Optional.empty())));
            counts.add(count(db, "adminPage (next)", () -> DashboardBenchmark.page(kit, admin, DashboardBenchmark.DEFAULT,
                    second)));
            counts.add(count(db, "attentionPage (next)", () -> DashboardBenchmark.page(kit, admin,
                    DashboardBenchmark.ATTENTION, attentionSecond)));
            counts.add(count(db, "assignedPage (next)", () -> DashboardBenchmark.page(kit, lead,
                    DashboardBenchmark.ASSIGNED, assignedSecond)));
            counts.add(count(db, "searchPage", () -> DashboardBenchmark.search(kit, admin,
                    DashboardBenchmark.search(workspaces / 2))));
            return counts;
        }
    }

    /** The uncached JPA lookup's statements: one {@code MembershipStore.find}. */
    static List<Count> permissionCheck(int assignments) {
        TenantId tenant = TenantId.of(Datasets.permissionTenant(assignments));
        WorkspaceId workspace = WorkspaceId.of(Datasets.workspaceId(0));
        Actor client = Actor.client(tenant, Datasets.member(0, 7, Datasets.PERMISSIONS_TEAM));
        try (JpaKit db = JpaKit.open(Datasets.PERMISSIONS_DB, Authorizer.CacheSettings.defaults(), 2, true)) {
            Statistics statistics = db.statistics();
            statistics.clear();
            if (db.stores().memberships().find(tenant, workspace, client.userId()).isEmpty()) {
                throw new IllegalStateException(client + " has no membership in " + workspace + ": is the data set seeded?");
            }
            return List.of(new Count("uncached JPA lookup", statistics.getPrepareStatementCount(),
                    statistics.getPrepareStatementCount()));
        }
    }

    /** Statements of one cold check when the caches are sized 0 (every check is cold). */
    static long coldCheckWithoutCache(int assignments, boolean teamUser) {
        TenantId tenant = TenantId.of(Datasets.permissionTenant(assignments));
        WorkspaceId workspace = WorkspaceId.of(Datasets.workspaceId(0));
        Actor actor = teamUser ? Actor.team(tenant, Datasets.member(0, 1, Datasets.PERMISSIONS_TEAM))
                : Actor.client(tenant, Datasets.member(0, 7, Datasets.PERMISSIONS_TEAM));
        try (JpaKit db = JpaKit.open(Datasets.PERMISSIONS_DB, new Authorizer.CacheSettings(0, Duration.ofSeconds(30)), 2,
                true)) {
            Statistics statistics = db.statistics();
            statistics.clear();
            db.kit().authorizer().can(actor, workspace, Permission.UPLOAD_FILES);
            return statistics.getPrepareStatementCount();
        }
    }

    /**
     * Statements of one activity append made the kit's way and of one approval decision, on the write
     * benchmarks' data set (one request is created for it); warm caches.
     */
    static List<Count> writes() {
        List<Count> counts = new ArrayList<>();
        try (JpaKit db = JpaKit.open(Datasets.WRITES_DB, Authorizer.CacheSettings.defaults(), 2, true)) {
            ActivityAppendBenchmark.Ours ours = new ActivityAppendBenchmark.Ours();
            ours.db = db;
            ours.stores = db.stores();
            ours.workspaces = new WorkspaceId[] {WorkspaceId.of(Datasets.workspaceId(0))};
            ActivityAppendBenchmark appends = new ActivityAppendBenchmark();
            appends.kit(ours);
            Statistics statistics = db.statistics();
            statistics.clear();
            appends.kit(ours);
            counts.add(new Count("activity append", statistics.getPrepareStatementCount(), statistics.getPrepareStatementCount()));

            TenantId tenant = TenantId.of(Datasets.WRITES_TENANT);
            WorkspaceId workspace = WorkspaceId.of(Datasets.workspaceId(0));
            Actor lead = Actor.team(tenant, Datasets.member(0, 0, Datasets.PERMISSIONS_TEAM));
            String approver = Datasets.member(0, 4, Datasets.PERMISSIONS_TEAM);
            ApprovalRequest request = db.kit().approvals().requestForDeliverable(lead, workspace,
                    "Statement count", Optional.empty(), NewApproval.of("Count",
                            Set.of(lead.userId(), UserId.of(approver)))
                            .withPolicy(ApprovalPolicy.all()));
            Actor client = Actor.client(tenant, approver);
            db.kit().approvals().decide(client, workspace, request.id(),
                    DecisionKind.APPROVE, Optional.empty());
            statistics.clear();
            db.kit().approvals().decide(client, workspace, request.id(),
                    DecisionKind.APPROVE, Optional.empty());
            counts.add(new Count("approval decision", statistics.getPrepareStatementCount(),
                    statistics.getPrepareStatementCount()));
        }
        return counts;
    }

    private static Count count(JpaKit db, String operation, Supplier<?> call) {
        Statistics statistics = db.statistics();
        db.kit().authorizer().invalidateAll();
        statistics.clear();
        check(call.get());
        long cold = statistics.getPrepareStatementCount();
        statistics.clear();
        check(call.get());
        long warm = statistics.getPrepareStatementCount();
        return new Count(operation, cold, warm);
    }

    private static void check(Object result) {
        if (result instanceof Page<?> page && page.items().isEmpty()) {
            throw new IllegalStateException("an operation under count returned an empty page");
        }
    }
}
