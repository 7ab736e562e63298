package io.clientworkspace.approval;

/** Where an approval request stands. Every status but {@link #OPEN} is final. */
public enum ApprovalStatus {
    /** Waiting for decisions. */
    OPEN,
    /** The policy's approvals were reached. */
    APPROVED,
    /** Rejected per the policy. */
    REJECTED,
    /** An approver asked for changes and the policy cannot be met any more. */
    CHANGES_REQUESTED,
    /** Withdrawn by the requester. */
    CANCELLED,
    /** The due date passed while open. */
    EXPIRED,
    /** A newer version of the file was uploaded while open. */
    SUPERSEDED;

    /** Whether decisions are still accepted. */
    public boolean isOpen() {
        return this == OPEN;
    }
}
