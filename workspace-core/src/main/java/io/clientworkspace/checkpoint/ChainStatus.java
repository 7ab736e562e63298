package io.clientworkspace.checkpoint;

/** How a workspace's chain as it is now relates to a checkpoint signed earlier. */
public enum ChainStatus {
    /** The chain verifies up to the checkpoint's sequence and holds exactly the signed head there. */
    CONTAINED,
    /**
     * The chain verifies up to the checkpoint's sequence but holds another entry there (or another
     * count): history before the checkpoint was rewritten and the chain recomputed.
     */
    REWRITTEN,
    /** The chain verifies but ends before the checkpoint's sequence: entries were cut off its end. */
    TRUNCATED,
    /** The chain itself fails verification at or before the checkpoint's sequence. */
    BROKEN,
    /** The checkpoint names another tenant or workspace. */
    OTHER_WORKSPACE
}
