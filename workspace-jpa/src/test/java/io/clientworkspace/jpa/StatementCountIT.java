package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: listing workspaces, members, the activity feed, files and approvals runs a fixed number of SQL statements per
 * page, whatever the page holds. Counted with Hibernate's statistics, caches warm (as in steady
 * state), comparing a page of 2 items with a page of 40.
 */
class StatementCountIT {

    /** The seeded data of one database, shared by this class's tests (they only read). */
    private record Seeded(WorkspaceKit kit, Actor alice, Actor bob, Workspace big) {
    }

    private static final byte[] PDF = SampleFiles.pdf();

    private static final java.util.Map<TestDatabase, Seeded> SEEDED = new java.util.EnumMap<>(TestDatabase.class);

    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Workspace big;

    void seed(TestDatabase db) {
        Seeded seeded = SEEDED.get(db);
        if (seeded == null) {
            seedFresh(db);
            SEEDED.put(db, new Seeded(kit, alice, bob, big));
        } else {
            kit = seeded.kit();
            alice = seeded.alice();
            bob = seeded.bob();
            big = seeded.big();
        }
    }

    private void seedFresh(TestDatabase db) {
        db.reset();
        try {
            kit = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).userDirectory((tenant, user) -> true)
                    .blobStore(new FileSystemBlobStore(Files.createTempDirectory("cwk-statement-count-"))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        kit.members().add(alice, big.id(), UserId.of("client-approver"), WorkspaceRole.CLIENT_ADMIN);
        for (int i = 0; i < 45; i++) {
            kit.files().upload(alice, big.id(), NewUpload.of(String.format("report-%02d.pdf", i), "application/pdf"),
                    new ByteArrayInputStream(PDF));
            kit.approvals().requestForDeliverable(alice, big.id(), "Homepage design, round " + i, Optional.empty(),
                    NewApproval.of("Sign off round " + i, Set.of(UserId.of("client-approver"))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void workspaceListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        assertConstant(db, "workspaces (tenant admin)", () -> kit.workspaces().list(alice, PageRequest.first(2)),
                () -> kit.workspaces().list(alice, PageRequest.first(40)), 40);
        assertConstant(db, "workspaces (member)", () -> kit.workspaces().list(bob, PageRequest.first(2)),
                () -> kit.workspaces().list(bob, PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void memberListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        assertConstant(db, "members", () -> kit.members().list(alice, big.id(), PageRequest.first(2)),
                () -> kit.members().list(alice, big.id(), PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activityFeedRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        Actor client = Actor.client(alice.tenantId(), "client-user-07");
        assertConstant(db, "activity feed (team)", () -> kit.activity().feed(alice, big.id(), PageRequest.first(2)),
                () -> kit.activity().feed(alice, big.id(), PageRequest.first(40)), 40);
        assertConstant(db, "activity feed (client)", () -> kit.activity().feed(client, big.id(), PageRequest.first(2)),
                () -> kit.activity().feed(client, big.id(), PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fileListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        Actor client = Actor.client(alice.tenantId(), "client-user-07");
        assertConstant(db, "files (team)",
                () -> kit.files().list(alice, big.id(), Optional.empty(), PageRequest.first(2)),
                () -> kit.files().list(alice, big.id(), Optional.empty(), PageRequest.first(40)), 40);
        assertConstant(db, "files (client)",
                () -> kit.files().list(client, big.id(), Optional.empty(), PageRequest.first(2)),
                () -> kit.files().list(client, big.id(), Optional.empty(), PageRequest.first(40)), 40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void approvalListingRunsTheSameStatementsForSmallAndLargePages(TestDatabase db) {
        seed(db);
        Actor client = Actor.client(alice.tenantId(), "client-user-07");
        assertConstant(db, "approvals (team)",
                () -> kit.approvals().list(alice, big.id(), Optional.empty(), PageRequest.first(2)),
                () -> kit.approvals().list(alice, big.id(), Optional.empty(), PageRequest.first(40)), 40);
        Optional<ApprovalStatus> open = Optional.of(ApprovalStatus.OPEN);
        assertConstant(db, "approvals (client, open ones)",
                () -> kit.approvals().list(client, big.id(), open, PageRequest.first(2)),
                () -> kit.approvals().list(client, big.id(), open, PageRequest.first(40)), 40);
    }

    private void assertConstant(TestDatabase db, String listing, Supplier<Page<?>> small, Supplier<Page<?>> large,
                                int largeSize) {
        // Cold: nothing cached, as right after a start or a permission change.
        kit.authorizer().invalidateAll();
        long smallCold = count(db, small);
        kit.authorizer().invalidateAll();
        long largeCold = count(db, large);
        // Warm: the permission caches filled, as in steady state.
        long smallWarm = count(db, small);
        long largeWarm = count(db, large);

        assertThat(large.get().items()).hasSize(largeSize);
        assertThat(largeCold).as("cold statements for a page of %d vs a page of 2", largeSize).isEqualTo(smallCold);
        assertThat(largeWarm).as("warm statements for a page of %d vs a page of 2", largeSize).isEqualTo(smallWarm);
        assertThat(largeCold).as("cold statements per page").isLessThanOrEqualTo(6);
        assertThat(largeWarm).as("warm statements per page").isLessThanOrEqualTo(2);
        System.out.printf("[statement-count] %s, %s: %d statement(s) per page cold, %d warm%n", db, listing, largeCold,
                largeWarm);
    }

    private static long count(TestDatabase db, Supplier<Page<?>> listing) {
        Statistics statistics = db.statistics();
        statistics.clear();
        listing.get();
        return statistics.getPrepareStatementCount();
    }
}
