package io.clientworkspace.request;

/** How urgent a client request is, lowest first. */
public enum Priority {
    /** Whenever there is time. */
    LOW,
    /** The default. */
    NORMAL,
    /** Before normal work. */
    HIGH,
    /** Drop everything. */
    URGENT
}
