package io.clientworkspace.approval;

import io.clientworkspace.ConflictException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Due dates: past its due date an open request reads as EXPIRED at once, and the expiry is stored by
 * the next decision (which is refused) or by {@link ApprovalService#expireOverdue}.
 */
class ExpiryTest {

    private static final Duration DUE_IN = Duration.ofDays(2);

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private ApprovalService approvals;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
        approvals = w.approvals;
    }

    private Instant due() {
        return w.f.clock.instant().plus(DUE_IN);
    }

    private ApprovalRequest dueRequest(ApprovalPolicy policy) {
        return approvals.requestForDeliverable(w.f.bob, w.acme, "The homepage", Optional.empty(),
                ask("Homepage", w.f.carol, w.f.erin).withPolicy(policy).due(due()));
    }

    private void passTheDueDate() {
        w.f.clock.advance(DUE_IN.plusSeconds(1));
    }

    @Test
    void anOpenRequestReadsAsExpiredOnceItsDueDatePassed() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());

        passTheDueDate();

        ApprovalRequest read = approvals.get(w.f.carol, w.acme, request.id());
        assertThat(read.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(read.resolvedAt()).contains(request.dueAt().orElseThrow());
        assertThat(approvals.find(w.f.bob, w.acme, request.id())).get().extracting(ApprovalRequest::status)
                .isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(approvals.record(w.f.bob, w.acme, request.id()).request().status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.stored(request.id()).status()).as("not stored yet").isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void atItsDueDateARequestIsStillOpen() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        w.f.clock.advance(DUE_IN);

        assertThat(approvals.get(w.f.bob, w.acme, request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(approvals.expireOverdue(10)).isZero();
        assertThat(w.approve(w.f.carol, request).status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void theNextDecisionStoresTheExpiryAndIsRefused() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        passTheDueDate();
        w.f.events.clear();

        Throwable thrown = catchThrowable(() -> w.approve(w.f.carol, request));

        assertThat(thrown).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE));
        ApprovalRequest stored = w.stored(request.id());
        assertThat(stored.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(stored.resolvedAt()).contains(request.dueAt().orElseThrow());
        assertThat(w.decisions(request.id())).as("the refused decision is not recorded").isEmpty();
        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
        assertThat(w.f.events.ofType(ApprovalEvent.ApprovalResolved.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(ApprovalStatus.EXPIRED));
        assertThat(w.f.events.ofType(ApprovalEvent.DecisionRecorded.class)).isEmpty();
    }

    @Test
    void aDecisionOnAStoredExpiryIsRefusedWithoutRecordingTheExpiryAgain() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        passTheDueDate();
        approvals.expireOverdue(10);
        w.f.clock.advance(Duration.ofHours(1));

        ConflictException e = w.rejects(ConflictException.class, () -> w.approve(w.f.carol, request));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
    }

    @Test
    void decisionsBeforeTheDueDateCountAndTheRequestExpiresWithThem() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.all());
        w.approve(w.f.carol, request);
        passTheDueDate();

        catchThrowable(() -> w.approve(w.f.erin, request));

        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.decisions(request.id())).singleElement()
                .satisfies(d -> assertThat(d.approver()).isEqualTo(w.f.carol.userId()));
    }

    @Test
    void cancellingAnExpiredRequestStoresTheExpiryAndIsRefused() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        passTheDueDate();

        Throwable thrown = catchThrowable(
                () -> approvals.cancel(w.f.bob, w.acme, request.id()));

        assertThat(thrown).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE));
        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
    }

    @Test
    void expireOverdueStoresTheExpiryOfOverdueOpenRequestsOnly() {
        ApprovalRequest overdue = dueRequest(ApprovalPolicy.any());
        ApprovalRequest alsoOverdue = dueRequest(ApprovalPolicy.all());
        ApprovalRequest approved = dueRequest(ApprovalPolicy.any());
        w.approve(w.f.carol, approved);
        ApprovalRequest withoutDueDate = w.deliverable(ApprovalPolicy.any(), w.f.carol);
        ApprovalRequest dueLater = approvals.requestForDeliverable(w.f.bob, w.acme, "Later", Optional.empty(),
                ask("Later", w.f.carol).due(due().plus(Duration.ofDays(1))));
        passTheDueDate();
        w.f.events.clear();

        int expired = approvals.expireOverdue(100);

        assertThat(expired).isEqualTo(2);
        assertThat(w.stored(overdue.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.stored(alsoOverdue.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.stored(approved.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(w.stored(withoutDueDate.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(w.stored(dueLater.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(w.actionsOf(overdue.id())).containsExactly("approval.requested", "approval.expired");
        assertThat(w.f.events.ofType(ApprovalEvent.ApprovalResolved.class)).extracting(ApprovalEvent::requestId)
                .containsExactlyInAnyOrder(overdue.id(), alsoOverdue.id());
    }

    @Test
    void expireOverdueStampsTheExpiryAtTheDueDate() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        passTheDueDate();
        ApprovalRequest readBefore = approvals.get(w.f.bob, w.acme, request.id());
        w.f.clock.advance(Duration.ofDays(5));

        approvals.expireOverdue(10);

        ApprovalRequest stored = w.stored(request.id());
        assertThat(stored.resolvedAt()).isEqualTo(readBefore.resolvedAt()).contains(request.dueAt().orElseThrow());
        assertThat(stored.turnaround()).contains(DUE_IN);
        assertThat(w.logOf(request.id())).filteredOn(e -> e.action().equals("approval.expired")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("turnaroundSeconds",
                        Long.toString(DUE_IN.toSeconds())));
    }

    @Test
    void expireOverdueIsIdempotent() {
        ApprovalRequest request = dueRequest(ApprovalPolicy.any());
        passTheDueDate();

        assertThat(approvals.expireOverdue(10)).isEqualTo(1);
        assertThat(approvals.expireOverdue(10)).isZero();

        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
    }

    @Test
    void expireOverdueExpiresAtMostLimitRequestsPerCall() {
        for (int i = 0; i < 5; i++) {
            dueRequest(ApprovalPolicy.any());
        }
        passTheDueDate();

        assertThat(approvals.expireOverdue(2)).isEqualTo(2);
        assertThat(approvals.expireOverdue(2)).isEqualTo(2);
        assertThat(approvals.expireOverdue(2)).isEqualTo(1);
        assertThat(approvals.expireOverdue(2)).isZero();
    }

    @Test
    void expireOverdueCoversEveryTenant() {
        Fixture.OtherTenant globex = w.f.otherTenant();
        w.f.kit.members().add(globex.admin(), globex.workspace().id(), UserId.of("gina"),
                WorkspaceRole.CLIENT_ADMIN);
        ApprovalRequest theirs = approvals.requestForDeliverable(globex.admin(), globex.workspace().id(), "Their thing",
                Optional.empty(), NewApproval.of("Theirs", Set.of(UserId.of("gina"))).due(due()));
        ApprovalRequest ours = dueRequest(ApprovalPolicy.any());
        passTheDueDate();

        assertThat(approvals.expireOverdue(10)).isEqualTo(2);

        assertThat(w.stored(ours.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.f.kit.stores().require(ApprovalStore.class).find(globex.tenant().id(), globex.workspace().id(), theirs.id()))
                .get().extracting(ApprovalRequest::status).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.f.kit.stores().activity().listOldestFirst(globex.tenant().id(), globex.workspace().id(), 0, 100))
                .extracting(ActivityEntry::action).contains("approval.expired");
    }

    @Test
    void listsFilterByTheStatusAsOfNow() {
        ApprovalRequest expiring = dueRequest(ApprovalPolicy.any());
        w.f.clock.advance(Duration.ofMinutes(1));
        ApprovalRequest open = w.deliverable(ApprovalPolicy.any(), w.f.carol);
        passTheDueDate();

        List<ApprovalRequest> openOnes = approvals.list(w.f.bob, w.acme, Optional.of(ApprovalStatus.OPEN),
                PageRequest.first()).items();
        List<ApprovalRequest> expiredOnes = approvals.list(w.f.bob, w.acme, Optional.of(ApprovalStatus.EXPIRED),
                PageRequest.first()).items();
        List<ApprovalRequest> all = approvals.list(w.f.bob, w.acme, Optional.empty(), PageRequest.first()).items();

        assertThat(openOnes).extracting(ApprovalRequest::id).containsExactly(open.id());
        assertThat(expiredOnes).extracting(ApprovalRequest::id).containsExactly(expiring.id());
        assertThat(expiredOnes).extracting(ApprovalRequest::status).containsOnly(ApprovalStatus.EXPIRED);
        assertThat(all).extracting(ApprovalRequest::status).containsExactly(ApprovalStatus.OPEN, ApprovalStatus.EXPIRED);
    }

    @Test
    void aNewVersionLeavesAnExpiredRequestExpired() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest request = approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                ask("Sign off", w.f.carol).due(due()));
        passTheDueDate();

        w.newVersion(w.f.bob, file);

        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.expired");
    }
}
