package io.clientworkspace;

import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants that must hold when operations race: every racer is released at the same moment by a
 * barrier, and the outcome is judged only by what succeeded, what failed and what is stored.
 */
class ConcurrencyTest {

    private static final int ROUNDS = 25;

    private final Fixture f = Fixture.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /** What one racer did: its result, or what it threw. */
    private record Outcome<T>(T result, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs {@code n} tasks that all start together once every one of them is ready. */
    private <T> List<Outcome<T>> race(int n, IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                // A generous bound so that a deadlock fails the test instead of hanging the build.
                outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome<>(null, e.getCause()));
            }
        }
        return outcomes;
    }

    private long leads() {
        return f.stores.memberships().countByRole(f.tenant.id(), f.acme.id(), WorkspaceRole.LEAD);
    }

    private static void assertOneWinnerAndTheRestLastLead(List<? extends Outcome<?>> outcomes) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(o ->
                assertThat(o.failure()).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.LAST_LEAD)));
    }

    @Test
    void demotingBothOfTwoLeadsAtOnceNeverLeavesAWorkspaceWithoutALead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            f.kit.members().changeRole(f.alice, f.acme.id(), f.tom.userId(), WorkspaceRole.LEAD);
            f.kit.members().changeRole(f.alice, f.acme.id(), f.bob.userId(), WorkspaceRole.LEAD);
            assertThat(leads()).isEqualTo(2);

            List<Outcome<Membership>> outcomes = race(2, i -> () -> f.kit.members().changeRole(f.alice, f.acme.id(),
                    (i == 0 ? f.bob : f.tom).userId(), WorkspaceRole.MEMBER));

            assertOneWinnerAndTheRestLastLead(outcomes);
            assertThat(leads()).isEqualTo(1);
        }
    }

    @Test
    void removingBothOfTwoLeadsAtOnceNeverLeavesAWorkspaceWithoutALead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            for (Actor lead : List.of(f.bob, f.tom)) {
                if (f.roleOf(f.acme.id(), lead).isEmpty()) {
                    f.kit.members().add(f.alice, f.acme.id(), lead.userId(), WorkspaceRole.LEAD);
                } else {
                    f.kit.members().changeRole(f.alice, f.acme.id(), lead.userId(), WorkspaceRole.LEAD);
                }
            }
            assertThat(leads()).isEqualTo(2);

            List<Outcome<Boolean>> outcomes = race(2, i -> () -> {
                Actor lead = i == 0 ? f.bob : f.tom;
                f.kit.members().remove(lead, f.acme.id(), lead.userId());
                return true;
            });

            assertOneWinnerAndTheRestLastLead(outcomes);
            assertThat(leads()).isEqualTo(1);
        }
    }

    @Test
    void aRemovalRacingADemotionNeverLeavesAWorkspaceWithoutALead() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            if (f.roleOf(f.acme.id(), f.bob).isEmpty()) {
                f.kit.members().add(f.alice, f.acme.id(), f.bob.userId(), WorkspaceRole.LEAD);
            }
            f.kit.members().changeRole(f.alice, f.acme.id(), f.bob.userId(), WorkspaceRole.LEAD);
            f.kit.members().changeRole(f.alice, f.acme.id(), f.tom.userId(), WorkspaceRole.LEAD);

            List<Outcome<Boolean>> outcomes = race(2, i -> () -> {
                if (i == 0) {
                    f.kit.members().remove(f.alice, f.acme.id(), f.bob.userId());
                } else {
                    f.kit.members().changeRole(f.alice, f.acme.id(), f.tom.userId(), WorkspaceRole.MEMBER);
                }
                return true;
            });

            assertOneWinnerAndTheRestLastLead(outcomes);
            assertThat(leads()).isEqualTo(1);
        }
    }

    @Test
    void creatingTheSameSlugAtOnceMakesExactlyOneWorkspace() throws Exception {
        long before = f.stores.workspaces().count(f.tenant.id());

        List<Outcome<Workspace>> outcomes = race(8, i -> () ->
                f.kit.workspaces().create(i % 2 == 0 ? f.alice : f.bob, NewWorkspace.of("Race " + i, "race")));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).hasSize(7).allSatisfy(o ->
                assertThat(o.failure()).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_SLUG)));
        Workspace winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().result();
        assertThat(f.stores.workspaces().count(f.tenant.id())).isEqualTo(before + 1);
        assertThat(f.stores.workspaces().findBySlug(f.tenant.id(), "race")).contains(winner);
        assertThat(f.members(winner.id())).hasSize(1);
        assertThat(f.log(winner.id())).hasSize(2);
    }

    @Test
    void acceptingOneInvitationFromEightClientsAtOnceAdmitsExactlyOne() throws Exception {
        IssuedInvitation issued = f.kit.invitations().invite(f.bob, f.acme.id(),
                NewInvitation.of("team@acme.test", WorkspaceRole.CLIENT_CONTRIBUTOR));
        List<Actor> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(f.client("racer" + i));
        }
        int membersBefore = f.members(f.acme.id()).size();

        List<Outcome<Membership>> outcomes = race(8, i -> () -> f.kit.invitations().accept(racers.get(i), issued.token()));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).hasSize(7).allSatisfy(o ->
                assertThat(o.failure()).isInstanceOfSatisfying(GoneException.class,
                        e -> assertThat(e.reason()).isEqualTo(GoneException.Reason.ALREADY_USED)));
        assertThat(f.members(f.acme.id())).hasSize(membersBefore + 1);
        assertThat(f.members(f.acme.id())).filteredOn(m -> m.userId().value().startsWith("racer")).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(WorkspaceRole.CLIENT_CONTRIBUTOR));
    }

    @Test
    void oneClientAcceptingOneInvitationEightTimesAtOnceJoinsOnce() throws Exception {
        IssuedInvitation issued = f.kit.invitations().invite(f.bob, f.acme.id(),
                NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));

        List<Outcome<Membership>> outcomes = race(8, i -> () -> f.kit.invitations().accept(f.zach, issued.token()));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o ->
                assertThat(o.failure()).isInstanceOf(GoneException.class));
        assertThat(f.roleOf(f.acme.id(), f.zach)).contains(WorkspaceRole.CLIENT_VIEWER);
    }

    @Test
    void concurrentAdditionsToOneWorkspaceKeepAnUnbrokenActivityChain() throws Exception {
        List<Outcome<Membership>> outcomes = race(8, i -> () ->
                f.kit.members().add(f.bob, f.acme.id(), UserId.of("guest" + i), WorkspaceRole.CLIENT_VIEWER));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(f.kit.activity().verify(f.bob, f.acme.id()).isIntact()).isTrue();
        assertThat(f.members(f.acme.id())).hasSize(5 + 8);
    }
}
