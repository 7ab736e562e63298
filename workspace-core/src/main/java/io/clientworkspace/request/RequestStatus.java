package io.clientworkspace.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a client request stands. The team moves a request along {@link #next()}; a client answers a request
 * WAITING_ON_CLIENT (back to IN_PROGRESS); DONE and DECLINED are resolved and only reopening (to IN_PROGRESS,
 * within the kit's reopen window) moves them again.
 */
public enum RequestStatus {
    /** New, nobody has looked at it yet. */
    SUBMITTED,
    /** The team works on it. */
    IN_PROGRESS,
    /** The team needs something from the client. */
    WAITING_ON_CLIENT,
    /** Resolved: done. */
    DONE,
    /** Resolved: declined, with a reason. */
    DECLINED;

    /** The statuses the team may move a request to from this one (reopening aside). */
    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(IN_PROGRESS, WAITING_ON_CLIENT, DONE, DECLINED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CLIENT, DONE, DECLINED);
            case WAITING_ON_CLIENT -> EnumSet.of(IN_PROGRESS, DONE, DECLINED);
            case DONE, DECLINED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    /** Whether this status is a resolution (DONE or DECLINED). */
    public boolean isResolved() {
        return this == DONE || this == DECLINED;
    }
}
