package io.clientworkspace.approval;

/** What an approver decided. REJECT and REQUEST_CHANGES need a comment. */
public enum DecisionKind {
    APPROVE,
    REJECT,
    REQUEST_CHANGES;

    /** Whether a comment is required. */
    public boolean needsComment() {
        return this != APPROVE;
    }
}
