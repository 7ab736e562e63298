package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.GoneException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Races on a real PostgreSQL: invariants hold and nothing is lost, whatever the interleaving. */
class PostgresConcurrencyIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;

    private WorkspaceKit kit;
    private Stores stores;
    private Actor alice;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        DB.reset();
        stores = JpaStores.create(DB.emf());
        kit = WorkspaceKit.builder().stores(stores).userDirectory((tenant, user) -> true).build();
        tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        for (String user : List.of("bob", "carl", "dina")) {
            kit.tenants().addTeamMember(alice, UserId.of(user), TenantRole.TEAM_MEMBER);
        }
    }

    @Test
    void racingDemotionAndRemovalOfTheTwoLeadsNeverLeaveAWorkspaceWithoutALead() throws Exception {
        for (int round = 0; round < 25; round++) {
            Workspace ws = kit.workspaces().create(alice, NewWorkspace.of("Race " + round, "race-" + round)
                    .withLead(UserId.of("bob")));
            kit.members().add(alice, ws.id(), UserId.of("carl"), WorkspaceRole.LEAD);

            List<Object> outcomes = race(
                    () -> kit.members().changeRole(alice, ws.id(), UserId.of("bob"), WorkspaceRole.MEMBER),
                    () -> {
                        kit.members().remove(alice, ws.id(), UserId.of("carl"));
                        return "removed";
                    });

            long leads = stores.memberships().countByRole(tenant.id(), ws.id(), WorkspaceRole.LEAD);
            assertThat(leads).as("round %d: %s", round, outcomes).isEqualTo(1);
            assertThat(outcomes).as("round %d", round)
                    .filteredOn(o -> o instanceof ConflictException c && c.reason() == ConflictException.Reason.LAST_LEAD)
                    .hasSize(1);
            assertThat(kit.activity().verify(alice, ws.id()).isIntact()).isTrue();
        }
    }

    @Test
    void racingAcceptsOfOneTokenCreateExactlyOneMembership() throws Exception {
        Workspace ws = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        for (int round = 0; round < 10; round++) {
            IssuedInvitation invite = kit.invitations().invite(alice, ws.id(),
                    NewInvitation.of("client" + round + "@acme.test", WorkspaceRole.CLIENT_VIEWER));
            List<Callable<Object>> accepts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Actor client = Actor.client(tenant.id(), "client-" + round + "-" + t);
                accepts.add(() -> kit.invitations().accept(client, invite.token()));
            }
            List<Object> outcomes = race(accepts);

            assertThat(outcomes).filteredOn(o -> o instanceof Membership).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Membership))
                    .allSatisfy(o -> assertThat(o).isInstanceOfAny(GoneException.class, ConflictException.class));
        }
        assertThat(kit.members().list(alice, ws.id(), PageRequest.first(100)).items())
                .filteredOn(m -> m.role() == WorkspaceRole.CLIENT_VIEWER).hasSize(10);
    }

    @Test
    void concurrentWritersToOneWorkspaceKeepTheActivityChainWhole() throws Exception {
        Workspace ws = kit.workspaces().create(alice, NewWorkspace.of("Busy", "busy"));
        long before = kit.activity().verify(alice, ws.id()).entriesChecked();
        AtomicInteger succeeded = new AtomicInteger();
        List<Callable<Object>> writers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < 10; i++) {
                    kit.members().add(alice, ws.id(), UserId.of("client-" + thread + "-" + i), WorkspaceRole.CLIENT_VIEWER);
                    succeeded.incrementAndGet();
                }
                return null;
            });
        }
        List<Object> outcomes = race(writers);

        assertThat(outcomes).allMatch(o -> o == null || o.equals("ok"));
        ChainVerification verification = kit.activity().verify(alice, ws.id());
        assertThat(verification.isIntact()).as("%s", verification.problem()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(before + succeeded.get()).isEqualTo(before + 160);
    }

    private static List<Object> race(Callable<?>... tasks) throws Exception {
        List<Callable<Object>> list = new ArrayList<>();
        for (Callable<?> task : tasks) {
            list.add(task::call);
        }
        return race(list);
    }

    /** Runs the tasks at the same moment; returns each result or the exception it threw. */
    private static List<Object> race(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
