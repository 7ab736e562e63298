package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardRow;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard page costs at most 3 SQL statements cold (permission caches emptied: the caller's tenant role and the
 * tenant's matrix, read together, the page, the unread counts) and at most 2 warm, the same for a tenant of 20 workspaces and one of 2,000, for every filter and sort in both directions, first and next pages, for a
 * tenant admin and for a team member who is not one (whose memberships are joined in the page's query). Counted with
 * Hibernate's statistics; the measured numbers are printed as {@code [statement-count] ...} lines.
 *
 * <p>Each tenant has a few workspaces made through the kit (with client messages, so the unread count has something to
 * count) and the rest written straight to the stores (workspace, the team member's membership in every other one, and
 * its summary row), which is what a page reads.
 */
class DashboardStatementCountIT {

    private static final int SMALL = 20;
    private static final int LARGE = 2_000;

    /** One tenant's actors. */
    private record Seeded(int workspaces, Actor admin, Actor member) {
    }

    private record World(WorkspaceKit kit, Seeded small, Seeded large) {
    }

    private static final Map<TestDatabase, World> WORLDS = new EnumMap<>(TestDatabase.class);

    private static World world(TestDatabase db) {
        return WORLDS.computeIfAbsent(db, d -> {
            d.reset();
            Stores stores = JpaStores.create(d.emf());
            WorkspaceKit kit = WorkspaceKit.builder().stores(stores).userDirectory((tenant, user) -> true).build();
            return new World(kit, seed(kit, stores, "small", SMALL), seed(kit, stores, "large", LARGE));
        });
    }

    private static Seeded seed(WorkspaceKit kit, Stores stores, String name, int workspaces) {
        Tenant tenant = kit.tenants().create("Agency " + name, UserId.of("admin-" + name));
        Actor admin = Actor.team(tenant.id(), "admin-" + name);
        UserId memberId = UserId.of("member-" + name);
        kit.tenants().addTeamMember(admin, memberId, TenantRole.TEAM_MEMBER);
        Actor member = Actor.team(tenant.id(), memberId.value());
        int real = 4;
        for (int i = 0; i < real; i++) {
            Workspace ws = kit.workspaces().create(admin, NewWorkspace.of("Real " + i, name + "-real-" + i)
                    .withLead(memberId));
            UserId client = UserId.of("client-" + name + "-" + i);
            kit.members().add(admin, ws.id(), client, WorkspaceRole.CLIENT_ADMIN);
            Actor clientActor = Actor.client(tenant.id(), client.value());
            Conversation general = kit.conversations().general(clientActor, ws.id());
            kit.conversations().post(clientActor, ws.id(), general.id(), NewMessage.of("Hello " + i));
            kit.conversations().post(clientActor, ws.id(), general.id(), NewMessage.of("Anyone? " + i));
        }
        DashboardStore summaries = stores.require(DashboardStore.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = real; i < workspaces; i++) {
            WorkspaceId id = WorkspaceId.of(String.format("%s-w-%05d", name, i));
            String slug = String.format("%s-bulk-%05d", name, i);
            WorkspaceStatus status = i % 10 == 9 ? WorkspaceStatus.ARCHIVED : WorkspaceStatus.ACTIVE;
            stores.workspaces().insert(new Workspace(id, tenant.id(), slug, "Bulk " + i, Optional.of("ref-" + i),
                    Branding.none(), status, now, now, 0));
            boolean serves = i % 2 == 0;
            if (serves) {
                stores.memberships().insert(new Membership(tenant.id(), id, memberId,
                        i % 4 == 0 ? WorkspaceRole.LEAD : WorkspaceRole.MEMBER, now, 0));
            }
            Optional<Instant> pending = i % 3 == 0 ? Optional.of(now.minus(Duration.ofDays(i % 9))) : Optional.empty();
            Optional<Instant> lastClient = i % 7 == 0 ? Optional.empty()
                    : Optional.of(now.minus(Duration.ofHours(i % 500)));
            summaries.insertIfAbsent(new WorkspaceSummary(tenant.id(), id, "Bulk " + i, slug, Optional.of("ref-" + i),
                    status, serves && i % 4 == 0 ? Optional.of(memberId) : Optional.of(admin.userId()),
                    i % 11 == 0 ? ProjectHealth.AT_RISK : ProjectHealth.ON_TRACK, pending.isPresent() ? 1 : 0, pending,
                    0, Optional.empty(), i % 13 == 0 ? 1 : 0, 0, lastClient, Optional.of(now),
                    new ChecklistProgress(0, 0), 0, 0, 2, now));
        }
        return new Seeded(workspaces, admin, member);
    }

    /** Every filter the dashboard has, one at a time. */
    private static Map<String, DashboardQuery.Builder> filters() {
        Map<String, DashboardQuery.Builder> filters = new LinkedHashMap<>();
        filters.put("default", DashboardQuery.builder());
        filters.put("assigned to me", DashboardQuery.builder().assignedToMe(true));
        filters.put("needs attention", DashboardQuery.builder().needsAttention(true));
        filters.put("archived", DashboardQuery.builder().status(WorkspaceStatus.ARCHIVED));
        filters.put("any status", DashboardQuery.builder().anyStatus());
        filters.put("text", DashboardQuery.builder().text("bulk").anyStatus());
        filters.put("everything", DashboardQuery.builder().assignedToMe(true).needsAttention(true).text("1")
                .anyStatus());
        return filters;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTenantAdminsPageRunsAtMostThreeStatementsColdAndTwoWarmFor20And2000WorkspacesWithEveryFilterAndSort(
            TestDatabase db) {
        World w = world(db);
        assertEveryQuery(db, w, "tenant admin", Seeded::admin, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTeamMembersPageRunsAtMostThreeStatementsColdAndTwoWarmFor20And2000WorkspacesWithEveryFilterAndSort(
            TestDatabase db) {
        World w = world(db);
        // Cold, a team member's page also needs the tenant's permission matrix (which roles grant VIEW_DASHBOARD):
        // it is read with the caller's tenant role in one statement (Authorizer.tenantAccess), so 3 like the admin's.
        assertEveryQuery(db, w, "team member", Seeded::member, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLargeTenantsPagesAreFullSoTheCountsAreForRealPages(TestDatabase db) {
        World w = world(db);
        Page<DashboardRow> admin = w.kit().dashboard().page(w.large().admin(), DashboardQuery.defaults(),
                PageRequest.first(PageRequest.DEFAULT_LIMIT));
        Page<DashboardRow> member = w.kit().dashboard().page(w.large().member(), DashboardQuery.defaults(),
                PageRequest.first(PageRequest.DEFAULT_LIMIT));
        assertThat(admin.items()).hasSize(PageRequest.DEFAULT_LIMIT);
        assertThat(member.items()).hasSize(PageRequest.DEFAULT_LIMIT);
        assertThat(admin.nextCursor()).isPresent();
        assertThat(member.nextCursor()).isPresent();
    }

    private static void assertEveryQuery(TestDatabase db, World w, String who, Function<Seeded, Actor> actor,
                                         int maxCold) {
        for (Map.Entry<String, DashboardQuery.Builder> filter : filters().entrySet()) {
            for (DashboardSort sort : DashboardSort.values()) {
                for (SortDirection direction : SortDirection.values()) {
                    DashboardQuery query = filter.getValue().sort(sort).direction(direction).build();
                    String what = who + ", " + filter.getKey() + ", " + sort + " " + direction;
                    assertConstant(db, w, what + ", first page", actor, query, false, maxCold);
                    assertConstant(db, w, what + ", next page", actor, query, true, maxCold);
                }
            }
        }
    }

    private static void assertConstant(TestDatabase db, World w, String what, Function<Seeded, Actor> actor,
                                       DashboardQuery query, boolean next, int maxCold) {
        long[] small = coldAndWarm(db, w, actor.apply(w.small()), query, next);
        long[] large = coldAndWarm(db, w, actor.apply(w.large()), query, next);
        System.out.printf("[statement-count] %s, %s: %d workspaces -> %d cold / %d warm; %d workspaces -> %d cold /"
                + " %d warm%n", db, what, SMALL, small[0], small[1], LARGE, large[0], large[1]);
        assertThat(large[0]).as("%s: cold statements, large vs small", what).isEqualTo(small[0]);
        assertThat(large[1]).as("%s: warm statements, large vs small", what).isEqualTo(small[1]);
        assertThat(large[0]).as("%s: cold statements", what).isLessThanOrEqualTo(maxCold);
        assertThat(large[1]).as("%s: warm statements", what).isLessThanOrEqualTo(2);
    }

    /**
     * The statements of one page call, cold (every permission cache emptied just before) and warm (the same call at
     * once again); for a next page, the cursor comes from a first page read before counting.
     */
    private static long[] coldAndWarm(TestDatabase db, World w, Actor actor, DashboardQuery query, boolean next) {
        PageRequest request = PageRequest.first(PAGE);
        if (next) {
            Optional<String> cursor = w.kit().dashboard().page(actor, query, request).nextCursor();
            if (cursor.isPresent()) {
                request = PageRequest.after(cursor.get(), PAGE);
            }
        }
        PageRequest counted = request;
        w.kit().authorizer().invalidateAll();
        long cold = count(db, () -> w.kit().dashboard().page(actor, query, counted));
        long warm = count(db, () -> w.kit().dashboard().page(actor, query, counted));
        return new long[] {cold, warm};
    }

    private static final int PAGE = 5;

    private static long count(TestDatabase db, Supplier<Object> call) {
        Statistics statistics = db.statistics();
        statistics.clear();
        call.get();
        return statistics.getPrepareStatementCount();
    }
}
