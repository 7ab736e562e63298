package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: listing workspaces, members and the activity feed runs a fixed number of SQL statements per
 * page, whatever the page holds. Counted with Hibernate's statistics, caches warm (as in steady
 * state), comparing a page of 2 items with a page of 40.
 */
class StatementCountTest {

    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Workspace big;

    void seed(TestDatabase db) {
        db.reset();
        kit = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).build();
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        kit.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.ACCOUNT_MANAGER);
        bob = Actor.team(tenant.id(), "bob");
        for (int i = 0; i < 45; i++) {
            kit.workspaces().create(bob, NewWorkspace.of("Client " + i, String.format("client-%02d", i)));
        }
        big = kit.workspaces().findBySlug(alice, "client-00").orElseThrow();
        for (int i = 0; i < 45; i++) {
            kit.members().add(alice, big.id(), UserId.of(String.format("client-user-%02d", i)), WorkspaceRole.CLIENT_VIEWER);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void workspaceListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        assertConstant(db, () -> kit.workspaces().list(alice, PageRequest.first(2)),
                () -> kit.workspaces().list(alice, PageRequest.first(40)), 40);
        assertConstant(db, () -> kit.workspaces().list(bob, PageRequest.first(2)),
                () -> kit.workspaces().list(bob, PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void memberListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        assertConstant(db, () -> kit.members().list(alice, big.id(), PageRequest.first(2)),
                () -> kit.members().list(alice, big.id(), PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activityFeedRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        Actor client = Actor.client(alice.tenantId(), "client-user-07");
        assertConstant(db, () -> kit.activity().feed(alice, big.id(), PageRequest.first(2)),
                () -> kit.activity().feed(alice, big.id(), PageRequest.first(40)), 40);
        assertConstant(db, () -> kit.activity().feed(client, big.id(), PageRequest.first(2)),
                () -> kit.activity().feed(client, big.id(), PageRequest.first(40)), 40);
    }

    private static void assertConstant(TestDatabase db, Supplier<Page<?>> small, Supplier<Page<?>> large, int largeSize) {
        small.get();
        large.get(); // warm the permission caches, as in steady state
        long smallCount = count(db, small);
        long largeCount = count(db, large);
        assertThat(large.get().items()).hasSize(largeSize);
        assertThat(largeCount).as("statements for a page of %d vs a page of 2", largeSize).isEqualTo(smallCount);
        assertThat(largeCount).as("statements per page").isLessThanOrEqualTo(2);
        System.out.printf("[statement-count] %s: %d statement(s) per page%n", db, largeCount);
    }

    private static long count(TestDatabase db, Supplier<Page<?>> listing) {
        Statistics statistics = db.statistics();
        statistics.clear();
        listing.get();
        return statistics.getPrepareStatementCount();
    }
}
