package io.clientworkspace.checkpoint;

import static java.util.Objects.requireNonNull;

/**
 * The verdict on one checkpoint.
 *
 * @param checkpoint  the checkpoint checked
 * @param signature   whether a trusted key signed it, unchanged
 * @param chain       whether the chain as it is now still holds the signed head
 * @param explanation what was found, in words a person can act on
 */
public record CheckpointCheck(Checkpoint checkpoint, SignatureStatus signature, ChainStatus chain, String explanation) {

    public CheckpointCheck {
        requireNonNull(checkpoint, "checkpoint must not be null");
        requireNonNull(signature, "signature must not be null");
        requireNonNull(chain, "chain must not be null");
        requireNonNull(explanation, "explanation must not be null");
    }

    /** Whether the checkpoint is authentic and the chain still holds its head: history up to it is as signed. */
    public boolean isConfirmed() {
        return signature == SignatureStatus.VALID && chain == ChainStatus.CONTAINED;
    }

    /**
     * Whether this check proves tampering: an authentic checkpoint whose head the chain no longer holds.
     * A checkpoint with a bad signature proves nothing either way.
     */
    public boolean provesTampering() {
        return signature == SignatureStatus.VALID && chain != ChainStatus.CONTAINED;
    }
}
