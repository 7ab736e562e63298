package io.clientworkspace.calendar;

/** What a {@link ScheduledEvent} is; shown as its category in the calendar feed. */
public enum EventKind {
    /** A maintenance window: something may be unavailable. */
    MAINTENANCE,
    /** A review (of a deliverable, of the quarter). */
    REVIEW,
    /** A meeting. */
    MEETING,
    /** A release or launch. */
    RELEASE,
    /** Anything else. */
    OTHER
}
