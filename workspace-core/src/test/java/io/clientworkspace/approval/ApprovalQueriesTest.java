package io.clientworkspace.approval;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.Membership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hosts (the portal) asked the service instead of filtering whole lists: cancelling as of a version,
 * the requests about one file, and who may be asked to approve.
 */
class ApprovalQueriesTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private ApprovalService approvals;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
        approvals = w.approvals;
    }

    private static List<String> ids(List<Membership> members) {
        return members.stream().map(m -> m.userId().value()).toList();
    }

    @Nested
    class CancellingAsOfAVersion {

        @Test
        void aStaleVersionIsAConflictAndChangesNothing() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            ConflictException e = w.rejects(ConflictException.class,
                    () -> approvals.cancel(w.f.bob, w.acme, request.id(), request.version() + 1));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
            assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        }

        @Test
        void theCurrentVersionCancelsIt() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            ApprovalRequest cancelled = approvals.cancel(w.f.bob, w.acme, request.id(), request.version());

            assertThat(cancelled.status()).isEqualTo(ApprovalStatus.CANCELLED);
            assertThat(w.actionsOf(request.id())).endsWith("approval.cancelled");
        }

        @Test
        void aRequestAboutAnInternalFileIsNotFoundForAClientWhateverTheVersion() {
            FileAsset file = w.uploadInternal(w.f.bob, "costing.pdf");
            ApprovalRequest internal = w.requestFor(file, 1, w.f.tom);

            w.rejects(NotFoundException.class, () -> approvals.cancel(w.f.carol, w.acme, internal.id(), internal.version()));
            w.rejects(NotFoundException.class, () -> approvals.cancel(w.f.carol, w.acme, internal.id(), internal.version() + 1));
        }
    }

    @Nested
    class RequestsAboutOneFile {

        @Test
        void areThoseAboutAnyVersionOfThatFileNewestFirst() {
            FileAsset proposal = w.upload(w.f.bob, "proposal.pdf");
            FileAsset other = w.upload(w.f.bob, "other.pdf");
            ApprovalRequest first = w.requestFor(proposal, 1, w.f.carol);
            w.requestFor(other, 1, w.f.carol);
            w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.newVersion(w.f.bob, proposal);
            w.f.clock.advance(Duration.ofSeconds(1)); // ids are time-ordered: "newest" is later
            ApprovalRequest second = w.requestFor(proposal, 2, w.f.carol);

            List<ApprovalRequest> found = approvals.listForFile(w.f.carol, w.acme, proposal.id());

            assertThat(found).extracting(ApprovalRequest::id).containsExactly(second.id(), first.id());
            assertThat(found.get(1).status()).as("superseded by version 2").isEqualTo(ApprovalStatus.SUPERSEDED);
        }

        @Test
        void anInternalFileIsNotFoundForAClientAsAnUnknownIdIs() {
            FileAsset file = w.uploadInternal(w.f.bob, "costing.pdf");
            w.requestFor(file, 1, w.f.tom);

            w.rejects(NotFoundException.class, () -> approvals.listForFile(w.f.carol, w.acme, file.id()));
            w.rejects(NotFoundException.class, () -> approvals.listForFile(w.f.carol, w.acme, FileId.of("no-such-file")));
            assertThat(approvals.listForFile(w.f.tom, w.acme, file.id())).hasSize(1);
        }

        @Test
        void aFileOfAnotherTenantIsNotFound() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            w.requestFor(file, 1, w.f.carol);
            var globex = w.f.otherTenant();

            w.rejects(NotFoundException.class, () -> approvals.listForFile(globex.admin(), globex.workspace().id(), file.id()));
        }
    }

    @Nested
    class EligibleApprovers {

        @Test
        void ofADeliverableAreTheMembersWhoMayDecide() {
            assertThat(ids(approvals.eligibleApprovers(w.f.bob, w.acme))).containsExactly("bob", "carol", "erin", "tom");
        }

        @Test
        void ofAClientVisibleFileAreTheMembersWhoMayDecide() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");

            assertThat(ids(approvals.eligibleApprovers(w.f.bob, w.acme, file.id())))
                    .containsExactly("bob", "carol", "erin", "tom");
        }

        @Test
        void ofAnInternalFileAreOnlyThoseWhoSeeInternalItems() {
            FileAsset file = w.uploadInternal(w.f.bob, "costing.pdf");

            assertThat(ids(approvals.eligibleApprovers(w.f.tom, w.acme, file.id()))).containsExactly("bob", "tom");
        }

        @Test
        void areExactlyTheApproversARequestAccepts() {
            FileAsset file = w.uploadInternal(w.f.bob, "costing.pdf");
            Set<UserId> eligible = approvals.eligibleApprovers(w.f.bob, w.acme, file.id()).stream()
                    .map(Membership::userId).collect(Collectors.toSet());

            approvals.requestForFile(w.f.bob, w.acme, file.id(), 1, NewApproval.of("Costs", eligible));
            w.rejects(ValidationException.class, () -> w.requestFor(file, 1, w.f.carol));
            w.rejects(ValidationException.class, () -> w.requestFor(file, 1, w.f.dave));
        }

        @Test
        void needThePermissionToRequestApprovals() {
            w.rejects(AccessDeniedException.class, () -> approvals.eligibleApprovers(w.f.carol, w.acme));
        }

        @Test
        void ofAnUnknownFileAreNotFound() {
            w.rejects(NotFoundException.class, () -> approvals.eligibleApprovers(w.f.bob, w.acme, FileId.of("no-such-file")));
        }
    }
}
