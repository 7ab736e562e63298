package io.clientworkspace.request;

/** Where a form assignment stands. */
public enum AssignmentStatus {
    /** Waiting for the client's answers (drafts may be saved). */
    OPEN,
    /** Submitted once; it created a request. */
    SUBMITTED,
    /** Withdrawn by the team before it was submitted. */
    CANCELLED
}
