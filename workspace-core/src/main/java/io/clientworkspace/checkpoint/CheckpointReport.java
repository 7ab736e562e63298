package io.clientworkspace.checkpoint;

import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ChainVerification;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of verifying a workspace's activity chain against checkpoints.
 *
 * @param workspaceId the workspace
 * @param chain       the chain's own verification (hashes, sequence, links), as read now
 * @param checks      one verdict per checkpoint given, in the order given (unmodifiable)
 */
public record CheckpointReport(WorkspaceId workspaceId, ChainVerification chain, List<CheckpointCheck> checks) {

    public CheckpointReport {
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(chain, "chain must not be null");
        checks = List.copyOf(requireNonNull(checks, "checks must not be null"));
    }

    /**
     * Whether the record is as signed: the chain verifies, at least one checkpoint was checked, and every
     * checkpoint is authentic and still held by the chain.
     */
    public boolean isIntact() {
        return chain.isIntact() && !checks.isEmpty() && checks.stream().allMatch(CheckpointCheck::isConfirmed);
    }

    /** Whether an authentic checkpoint proves that history was rewritten or truncated after it was signed. */
    public boolean isTampered() {
        return checks.stream().anyMatch(CheckpointCheck::provesTampering);
    }

    /** The checkpoints that are forged, altered or signed by an untrusted key. */
    public List<CheckpointCheck> rejected() {
        return checks.stream().filter(c -> c.signature() != SignatureStatus.VALID).toList();
    }
}
