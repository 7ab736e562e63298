package io.clientworkspace.approval;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ApprovalService#visibleAmong}: the batch form of {@link ApprovalService#find} (a project's milestones use it). */
class ApprovalVisibleAmongTest {

    @TempDir
    Path blobs;

    @Test
    void visibleAmongAnswersExactlyTheIdsThatFindAnswersForClientsAndTheTeam() {
        ApprovalWorld w = ApprovalWorld.create(blobs);
        ApprovalRequest deliverable = w.approvals.requestForDeliverable(w.f.bob, w.acme, "Final logo", Optional.empty(),
                NewApproval.of("Logo sign-off", Set.of(w.f.carol.userId())));
        FileAsset shared = w.upload(w.f.bob, "proposal.pdf");
        ApprovalRequest onShared = w.approvals.requestForFile(w.f.bob, w.acme, shared.id(), 1,
                NewApproval.of("Proposal sign-off", Set.of(w.f.carol.userId())));
        FileAsset withdrawn = w.upload(w.f.bob, "pricing.pdf");
        ApprovalRequest onWithdrawn = w.approvals.requestForFile(w.f.bob, w.acme, withdrawn.id(), 1,
                NewApproval.of("Pricing sign-off", Set.of(w.f.carol.userId())));
        FileAsset current = w.files.get(w.f.bob, w.acme, withdrawn.id());
        w.files.changeVisibility(w.f.bob, w.acme, withdrawn.id(), Visibility.TEAM, current.version());
        List<ApprovalId> asked = List.of(deliverable.id(), onShared.id(), onWithdrawn.id(), ApprovalId.of("no-such"));

        assertThat(w.approvals.visibleAmong(w.f.carol, w.acme, asked))
                .containsExactlyInAnyOrder(deliverable.id(), onShared.id())
                .allSatisfy(id -> assertThat(w.approvals.find(w.f.carol, w.acme, id)).isPresent());
        assertThat(w.approvals.find(w.f.carol, w.acme, onWithdrawn.id())).isEmpty();
        assertThat(w.approvals.visibleAmong(w.f.bob, w.acme, asked))
                .containsExactlyInAnyOrder(deliverable.id(), onShared.id(), onWithdrawn.id());
        assertThat(w.approvals.visibleAmong(w.f.carol, w.acme, List.of())).isEmpty();
    }
}
