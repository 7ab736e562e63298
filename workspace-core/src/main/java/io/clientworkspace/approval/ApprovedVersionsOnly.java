package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A ready-made {@link DownloadPolicy}: clients may download only versions that were approved (an
 * APPROVED request on that exact version whose SHA-256 matches); the team may download anything.
 * Install with {@code WorkspaceKit.builder().downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals()))}.
 */
public final class ApprovedVersionsOnly implements DownloadPolicy {

    private final ApprovalService approvals;

    public ApprovedVersionsOnly(ApprovalService approvals) {
        this.approvals = requireNonNull(approvals, "approvals must not be null");
    }

    @Override
    public Optional<String> refusal(Actor actor, FileAsset file, FileVersion version) {
        if (actor.isTeam() || approvals.isApprovedVersion(file, version.number())) {
            return Optional.empty();
        }
        return Optional.of("an approved version");
    }
}
