package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.file.FileAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions that race, on the in-memory stores: every racer is released at once by a barrier, and
 * only what succeeded, what failed and what is stored is judged. Two decisions at once are both
 * counted or one fails with a conflict, never lost.
 */
class ApprovalConcurrencyTest {

    private static final int APPROVERS = 16;
    private static final int ROUNDS = 5;

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private final ExecutorService pool = Executors.newFixedThreadPool(APPROVERS);

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
    }

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
                outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome<>(null, e.getCause()));
            }
        }
        return outcomes;
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof ConflictException;
    }

    @Test
    void sixteenApproversDecidingAtOnceOnAnAllRequestAreAllCounted() throws Exception {
        List<Actor> approvers = IntStream.range(0, APPROVERS).mapToObj(i -> w.addClient("approver-" + i)).toList();
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        for (int round = 0; round < ROUNDS; round++) {
            ApprovalRequest request = w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                    ApprovalWorld.ask("Round " + round, approvers.toArray(Actor[]::new)).withPolicy(ApprovalPolicy.all()));

            List<Outcome<ApprovalRequest>> outcomes = race(APPROVERS, i -> () -> w.approve(approvers.get(i), request));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            assertThat(outcomes).extracting(o -> o.result().status())
                    .as("exactly the last decision approves").containsOnlyOnce(ApprovalStatus.APPROVED);
            assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
            List<Decision> record = w.decisions(request.id());
            assertThat(record).extracting(Decision::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, APPROVERS).boxed().toList());
            assertThat(record).extracting(Decision::approver)
                    .containsExactlyInAnyOrderElementsOf(approvers.stream().map(Actor::userId).toList());
            assertThat(w.actionsOf(request.id())).filteredOn(a -> a.equals("approval.approved")).hasSize(1);
            assertThat(w.actionsOf(request.id())).filteredOn(a -> a.equals("approval.decided")).hasSize(APPROVERS);
        }
        assertThat(w.f.kit.activity().verify(w.f.bob, w.acme).isIntact()).isTrue();
    }

    @Test
    void theSameApproverDecidingSeveralTimesAtOnceIsRecordedInOrderOrRefusedButNeverLost() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // Under ALL, carol's approvals keep the request open while erin has not decided.
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin);

            List<Outcome<ApprovalRequest>> outcomes = race(8, i -> () -> w.approvals.decide(w.f.carol, w.acme,
                    request.id(), DecisionKind.APPROVE, Optional.of("Approval " + i)));

            assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.failure())
                    .isInstanceOf(ConflictException.class));
            long succeeded = outcomes.stream().filter(Outcome::succeeded).count();
            List<Decision> record = w.decisions(request.id());
            assertThat(record).as("every decision that succeeded is in the record").hasSize((int) succeeded);
            assertThat(record).extracting(Decision::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, record.size()).boxed().toList());
            assertThat(record).extracting(Decision::decidedAt).isSorted();
            assertThat(record).allSatisfy(d -> assertThat(d.approver()).isEqualTo(w.f.carol.userId()));
            assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        }
    }

    @Test
    void twoApproversRacingOnAnAnyRequestResolveItOnceAndTheLoserIsRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);
            List<Actor> racers = List.of(w.f.carol, w.f.erin);

            List<Outcome<ApprovalRequest>> outcomes = race(2, i -> () -> w.approve(racers.get(i), request));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                    .satisfies(o -> assertThat(isConflict(o.failure())).isTrue());
            assertThat(w.decisions(request.id())).hasSize(1);
            assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.decided",
                    "approval.approved");
        }
    }

    @Test
    void aDecisionRacingACancellationIsEitherCountedOrRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            List<Outcome<ApprovalRequest>> outcomes = race(2, i -> i == 0
                    ? () -> w.approve(w.f.carol, request)
                    : () -> w.approvals.cancel(w.f.bob, w.acme, request.id()));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                    .satisfies(o -> assertThat(isConflict(o.failure())).isTrue());
            ApprovalStatus status = w.stored(request.id()).status();
            assertThat(status).isIn(ApprovalStatus.APPROVED, ApprovalStatus.CANCELLED);
            assertThat(w.decisions(request.id())).hasSize(status == ApprovalStatus.APPROVED ? 1 : 0);
        }
    }

    @Test
    void aDecisionRacingANewVersionIsEitherCountedBeforeTheSupersedeOrRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            FileAsset file = w.upload(w.f.bob, "proposal-" + round + ".pdf");
            ApprovalRequest request = w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                    ApprovalWorld.ask("Sign off", w.f.carol, w.f.erin).withPolicy(ApprovalPolicy.all()));

            List<Outcome<Object>> outcomes = race(2, i -> i == 0
                    ? () -> w.approve(w.f.carol, request)
                    : () -> w.newVersion(w.f.bob, file));

            assertThat(outcomes.get(1).failure()).as("the upload always succeeds").isNull();
            assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
            List<ActivityEntry> log = w.logOf(request.id());
            if (outcomes.get(0).succeeded()) {
                assertThat(w.decisions(request.id())).hasSize(1);
                assertThat(log).extracting(ActivityEntry::action).containsExactly("approval.requested",
                        "approval.decided", "approval.superseded");
            } else {
                assertThat(isConflict(outcomes.get(0).failure())).isTrue();
                assertThat(w.decisions(request.id())).isEmpty();
            }
        }
    }
}
