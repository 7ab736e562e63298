package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRecord;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.PageRequest;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races on files and approvals on a real PostgreSQL, through the services as a host calls them:
 * concurrent decisions are all counted (or one fails with a conflict), never lost, and the record stays
 * gapless; concurrent downloads are all logged.
 */
class PostgresFileAndApprovalConcurrencyIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final byte[] PDF = SampleFiles.pdf();
    private static final int THREADS = 16;

    @TempDir
    Path blobs;

    /** A clock the tests move forward, for due dates. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final MovableClock clock = new MovableClock();
    private WorkspaceKit kit;
    private Stores stores;
    private Tenant tenant;
    private Actor alice;
    private Workspace ws;
    private FileAsset file;

    @BeforeEach
    void setUp() {
        DB.reset();
        stores = JpaStores.create(DB.emf());
        kit = WorkspaceKit.builder().stores(stores).userDirectory((tenant, user) -> true).blobStore(new FileSystemBlobStore(blobs))
                .clock(clock).build();
        tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        ws = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        for (int i = 0; i < THREADS; i++) {
            kit.members().add(alice, ws.id(), approver(i), WorkspaceRole.CLIENT_CONTRIBUTOR);
        }
        file = kit.files().upload(alice, ws.id(), NewUpload.of("proposal.pdf", "application/pdf"), new ByteArrayInputStream(PDF));
    }

    @Test
    void sixteenApproversDecidingAtOnceOnAnAllRequestAreAllCountedAndApproveIt() throws Exception {
        Set<UserId> approvers = new LinkedHashSet<>();
        IntStream.range(0, THREADS).forEach(i -> approvers.add(approver(i)));
        ApprovalRequest request = kit.approvals().requestForFile(alice, ws.id(), file.id(), 1,
                NewApproval.of("Sign off the proposal", approvers).withPolicy(ApprovalPolicy.all()));

        List<Callable<Object>> decisions = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Actor client = Actor.client(tenant.id(), approver(i).value());
            decisions.add(() -> kit.approvals().decide(client, ws.id(), request.id(), DecisionKind.APPROVE, Optional.empty()));
        }
        List<Object> outcomes = race(decisions);

        assertThat(outcomes).as("every decision is counted").allSatisfy(o -> assertThat(o).isInstanceOf(ApprovalRequest.class));
        assertThat(outcomes).filteredOn(o -> ((ApprovalRequest) o).status() == ApprovalStatus.APPROVED)
                .as("exactly the last decision approves").hasSize(1);
        ApprovalRecord record = kit.approvals().record(alice, ws.id(), request.id());
        assertThat(record.request().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(record.decisions()).extracting(Decision::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, THREADS).boxed().toList());
        assertThat(record.decisions()).extracting(Decision::approver).containsExactlyInAnyOrderElementsOf(approvers);
        assertThat(record.decisions()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DecisionKind.APPROVE);
            assertThat(d.versionNumber()).contains(1);
            assertThat(d.sha256()).contains(kit.files().versions(alice, ws.id(), file.id()).get(0).sha256());
        });
        assertThat(kit.approvals().isApproved(alice, ws.id(), file.id(), 1)).isTrue();
        assertIntact();
    }

    @Test
    void oneApproverDecidingTwiceAtOnceIsRecordedTwiceOrGetsOneConflictAndNothingIsLost() throws Exception {
        for (int round = 0; round < 10; round++) {
            ApprovalRequest request = kit.approvals().requestForFile(alice, ws.id(), file.id(), 1,
                    NewApproval.of("Round " + round, Set.of(approver(0), approver(1))).withPolicy(ApprovalPolicy.all()));
            Actor client = Actor.client(tenant.id(), approver(0).value());
            // Even rounds: two approvals (both stay open, both recorded). Odd rounds: an approval and a
            // request for changes, which closes the request, so the other may come too late (a conflict).
            DecisionKind second = round % 2 == 0 ? DecisionKind.APPROVE : DecisionKind.REQUEST_CHANGES;
            List<Object> outcomes = race(List.of(
                    () -> kit.approvals().decide(client, ws.id(), request.id(), DecisionKind.APPROVE, Optional.empty()),
                    () -> kit.approvals().decide(client, ws.id(), request.id(), second, Optional.of("Please fix the logo"))));

            assertThat(outcomes).as("round %d: %s", round, outcomes).allSatisfy(o -> assertThat(o)
                    .isInstanceOfAny(ApprovalRequest.class, ConflictException.class));
            long recorded = outcomes.stream().filter(o -> o instanceof ApprovalRequest).count();
            assertThat(recorded).as("round %d: at least one decision goes through", round).isPositive();
            ApprovalRecord record = kit.approvals().record(alice, ws.id(), request.id());
            assertThat(record.decisions()).as("round %d: every successful decision is in the record", round)
                    .hasSize((int) recorded)
                    .extracting(Decision::sequence).containsExactlyElementsOf(
                            IntStream.rangeClosed(1, (int) recorded).boxed().toList());
            if (round % 2 == 0) {
                assertThat(recorded).as("round %d: two approvals while open are both recorded", round).isEqualTo(2);
                assertThat(record.request().status()).isEqualTo(ApprovalStatus.OPEN);
            } else {
                assertThat(record.request().status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
            }
        }
        assertIntact();
    }

    @Test
    void concurrentDownloadsOfOneWorkspaceAreAllLogged() throws Exception {
        List<Callable<Object>> downloads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Actor client = Actor.client(tenant.id(), approver(i).value());
            downloads.add(() -> {
                try (FileDownload download = kit.downloads().download(client, ws.id(), file.id(), OptionalInt.empty());
                     InputStream in = download.content()) {
                    return in.readAllBytes().length;
                }
            });
        }
        List<Object> outcomes = race(downloads);

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isEqualTo(PDF.length));
        assertThat(kit.downloads().log(alice, ws.id(), file.id(), PageRequest.first(100)).items()).hasSize(THREADS);
        assertIntact();
    }

    @Test
    void theExpirySweepAndConcurrentWritersOfTheWorkspaceNeitherCollideNorDeadlock() throws Exception {
        List<ApprovalRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(kit.approvals().requestForFile(alice, ws.id(), file.id(), 1,
                    NewApproval.of("Due " + i, Set.of(approver(i), approver(i + 1))).withPolicy(ApprovalPolicy.all())
                            .due(clock.instant().plus(Duration.ofHours(1)))));
        }
        clock.advance(Duration.ofHours(2));

        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> kit.approvals().expireOverdue(100));
        for (int i = 0; i < 8; i++) {
            Actor client = Actor.client(tenant.id(), approver(i).value());
            tasks.add(() -> {
                try (FileDownload download = kit.downloads().download(client, ws.id(), file.id(), OptionalInt.empty())) {
                    return "downloaded";
                }
            });
            // Decisions on the overdue requests race the sweep: each either stores the expiry itself or finds it stored.
            if (i < 4) {
                int request = i;
                tasks.add(() -> kit.approvals().decide(client, ws.id(), requests.get(request).id(), DecisionKind.APPROVE,
                        Optional.empty()));
            }
        }
        List<Object> outcomes = race(tasks);

        assertThat(outcomes).as("%s", outcomes).allSatisfy(o -> assertThat(o).satisfiesAnyOf(
                value -> assertThat(value).isIn("downloaded"),
                value -> assertThat(value).isInstanceOf(Integer.class),
                value -> assertThat(value).isInstanceOf(ConflictException.class)
                        .extracting(e -> ((ConflictException) e).reason()).isEqualTo(ConflictException.Reason.INVALID_STATE)));
        assertThat(requests).allSatisfy(r -> assertThat(stores.require(ApprovalStore.class).find(tenant.id(), ws.id(), r.id())
                .orElseThrow().status()).isEqualTo(ApprovalStatus.EXPIRED));
        assertThat(kit.approvals().expireOverdue(100)).isZero();
        assertThat(kit.downloads().log(alice, ws.id(), file.id(), PageRequest.first(100)).items()).hasSize(8);
        assertIntact();
    }

    private void assertIntact() {
        ChainVerification verification = kit.activity().verify(alice, ws.id());
        assertThat(verification.isIntact()).as("%s", verification.problem()).isTrue();
    }

    private static UserId approver(int i) {
        return UserId.of(String.format("client-%02d", i));
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
