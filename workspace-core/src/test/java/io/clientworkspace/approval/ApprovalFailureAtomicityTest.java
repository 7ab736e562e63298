package io.clientworkspace.approval;

import io.clientworkspace.file.FileAsset;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.tck.FaultInjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A decision, its outcome and their activity are one unit of work, and so are a new version and the
 * requests it supersedes: when any write fails, none of them is kept.
 */
class ApprovalFailureAtomicityTest {

    @TempDir
    Path blobs;

    private final FaultInjection faults = new FaultInjection();
    private ApprovalWorld w;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs, faults.wrap(InMemoryStores.create()));
    }

    @Test
    void aDecisionWhoseOutcomeCannotBeLoggedIsNotRecorded() {
        ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
        faults.failOn("ActivityStore.append:approval.approved");

        w.rejects(FaultInjection.InjectedFailure.class, () -> w.approve(w.f.carol, request));

        assertThat(w.stored(request.id())).isEqualTo(request);
        assertThat(w.decisions(request.id())).isEmpty();
        faults.heal();
        assertThat(w.approve(w.f.carol, request).status()).as("the decision can simply be made again")
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(w.decisions(request.id())).extracting(Decision::sequence).containsExactly(1);
    }

    @Test
    void aDecisionThatCannotBeLoggedIsNotRecorded() {
        ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin);
        faults.failOn("ActivityStore.append:approval.decided");

        w.rejects(FaultInjection.InjectedFailure.class, () -> w.approve(w.f.carol, request));

        assertThat(w.decisions(request.id())).isEmpty();
    }

    @Test
    void aNewVersionWhoseSupersedeCannotBeLoggedIsNotAddedAndTheRequestStaysOpen() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest request = w.requestFor(file, 1, w.f.carol);
        faults.failOn("ActivityStore.append:approval.superseded");

        w.rejects(FaultInjection.InjectedFailure.class, () -> w.newVersion(w.f.bob, file));

        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(w.files.versions(w.f.bob, w.acme, file.id())).hasSize(1);
        assertThat(w.files.get(w.f.bob, w.acme, file.id()).latestVersion()).isEqualTo(1);
    }

    @Test
    void anExpiryThatCannotBeLoggedIsStoredByALaterSweep() {
        ApprovalRequest request = w.approvals.requestForDeliverable(w.f.bob, w.acme, "The homepage",
                Optional.empty(), ApprovalWorld.ask("Homepage", w.f.carol)
                        .due(w.f.clock.instant().plus(Duration.ofDays(1))));
        w.f.clock.advance(Duration.ofDays(2));
        faults.failOn("ActivityStore.append:approval.expired");

        catchThrowable(() -> w.approvals.expireOverdue(10));
        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.OPEN);

        assertThat(w.approvals.expireOverdue(10)).isEqualTo(1);
        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
    }

    @Test
    void aRequestThatCannotBeLoggedIsNotStored() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        faults.failOn("ActivityStore.append:approval.requested");

        w.rejects(FaultInjection.InjectedFailure.class, () -> w.requestFor(file, 1, w.f.carol));

        assertThat(w.approvalStore()).isEmpty();
    }
}
