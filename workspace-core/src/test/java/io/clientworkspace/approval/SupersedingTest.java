package io.clientworkspace.approval;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.spi.ApprovalStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** A new version of a file supersedes the open requests on its older versions, in the same unit of work. */
class SupersedingTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
    }

    @Test
    void aNewVersionSupersedesOpenRequestsOnOlderVersions() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.newVersion(w.f.bob, file);
        ApprovalRequest onV1 = w.requestFor(file, 1, w.f.carol);
        ApprovalRequest onV2 = w.requestFor(file, 2, w.f.erin);
        w.f.clock.advance(Duration.ofHours(1));
        w.f.events.clear();

        w.newVersion(w.f.erin, file);

        for (ApprovalRequest request : List.of(onV1, onV2)) {
            ApprovalRequest stored = w.stored(request.id());
            assertThat(stored.status()).isEqualTo(ApprovalStatus.SUPERSEDED);
            assertThat(stored.resolvedAt()).contains(w.f.clock.instant());
            assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.superseded");
            assertThat(w.logOf(request.id()).get(1).actorId()).as("who uploaded the new version")
                    .isEqualTo(w.f.erin.userId());
        }
        assertThat(w.f.events.ofType(ApprovalEvent.ApprovalResolved.class)).extracting(ApprovalEvent::requestId)
                .containsExactlyInAnyOrder(onV1.id(), onV2.id());
    }

    @Test
    void anOpenRequestOnTheVersionBeingAddedIsNotSuperseded() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest onV1 = w.requestFor(file, 1, w.f.carol);
        // A request that names version 2 before it is there stands for one that raced the upload.
        ApprovalRequest onV2 = w.f.kit.stores().unitOfWork().execute(() -> w.f.kit.stores().require(ApprovalStore.class).insert(
                new ApprovalRequest(ApprovalId.of("early"), w.f.tenant.id(), w.acme, "Early",
                        Optional.empty(), new ApprovalSubject.FileVersionSubject(file.id(), 2, "0".repeat(64)),
                        Set.of(w.f.carol.userId()), ApprovalPolicy.any(), Optional.empty(),
                        ApprovalStatus.OPEN, w.f.bob.userId(), w.f.clock.instant(), Optional.empty(), 0)));

        w.newVersion(w.f.bob, file);

        assertThat(w.stored(onV1.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
        assertThat(w.stored(onV2.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void aRequestOnTheNewVersionIsOpenAndDecidable() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.requestFor(file, 1, w.f.carol);
        FileVersion v2 = w.newVersion(w.f.bob, file);

        ApprovalRequest onV2 = w.requestFor(file, 2, w.f.carol);

        assertThat(onV2.status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(w.approve(w.f.carol, onV2).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(w.decisions(onV2.id())).singleElement().satisfies(d -> assertThat(d.sha256()).contains(v2.sha256()));
    }

    @Test
    void resolvedRequestsOnOlderVersionsKeepTheirOutcome() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest approved = w.requestFor(file, 1, w.f.carol);
        w.approve(w.f.carol, approved);
        ApprovalRequest rejected = w.requestFor(file, 1, w.f.erin);
        w.reject(w.f.erin, rejected);
        ApprovalRequest cancelled = w.requestFor(file, 1, w.f.carol);
        w.approvals.cancel(w.f.bob, w.acme, cancelled.id());

        w.newVersion(w.f.bob, file);

        assertThat(w.stored(approved.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(w.stored(rejected.id()).status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(w.stored(cancelled.id()).status()).isEqualTo(ApprovalStatus.CANCELLED);
        assertThat(w.approvals.isApproved(w.f.carol, w.acme, file.id(), 1)).isTrue();
        assertThat(w.approvals.isApproved(w.f.carol, w.acme, file.id(), 2)).isFalse();
    }

    @Test
    void restoringAnOldVersionSupersedesToo() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.newVersion(w.f.bob, file);
        ApprovalRequest onV2 = w.requestFor(file, 2, w.f.carol);

        FileVersion restored = w.files.restoreVersion(w.f.bob, w.acme, file.id(), 1);

        assertThat(restored.number()).isEqualTo(3);
        assertThat(w.stored(onV2.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
    }

    @Test
    void aSupersededRequestTakesNoMoreDecisions() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest request = w.requestFor(file, 1, w.f.carol);
        w.newVersion(w.f.bob, file);

        ConflictException e = w.rejects(ConflictException.class, () -> w.approve(w.f.carol, request));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void requestsOnOtherFilesAndDeliverablesAreUntouched() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        FileAsset other = w.upload(w.f.bob, "invoice.pdf");
        ApprovalRequest onOther = w.requestFor(other, 1, w.f.carol);
        ApprovalRequest deliverable = w.deliverable(ApprovalPolicy.any(), w.f.carol);

        w.newVersion(w.f.bob, file);

        assertThat(w.stored(onOther.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(w.stored(deliverable.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void supersedingAnInternalFilesRequestIsTeamOnly() {
        FileAsset internal = w.uploadInternal(w.f.bob, "costing.pdf");
        ApprovalRequest request = w.requestFor(internal, 1, w.f.tom);
        w.f.events.clear();

        w.newVersion(w.f.bob, internal);

        assertThat(w.logOf(request.id())).extracting(ActivityEntry::visibility).containsOnly(Visibility.TEAM);
        assertThat(w.f.events.ofType(ApprovalEvent.ApprovalResolved.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void aFailedUploadSupersedesNothing() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest request = w.requestFor(file, 1, w.f.carol);
        w.files.trash(w.f.bob, w.acme, file.id());

        w.rejects(ConflictException.class, () -> w.newVersion(w.f.bob, file));

        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void theRequestAndItsSupersedingUploadAreRecordedInOrder() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest request = w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1, ask("Sign off", w.f.carol));

        w.newVersion(w.f.bob, file);

        assertThat(w.log()).extracting(ActivityEntry::action)
                .containsSubsequence("file.uploaded", "approval.requested", "file.version-added", "approval.superseded");
        assertThat(w.f.kit.activity().verify(w.f.bob, w.acme).isIntact()).isTrue();
        assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
    }
}
