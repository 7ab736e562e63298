package io.clientworkspace.member;

/** The stored state of an invitation. An invitation past its expiry but still PENDING is expired. */
public enum InvitationStatus {
    /** Waiting to be accepted (unless expired). */
    PENDING,
    /** Accepted once; it can never be used again. */
    ACCEPTED,
    /** Withdrawn by the team or a client admin. */
    REVOKED
}
