package io.clientworkspace.notification;

/** The kind of item a notification is about (see {@link NotificationSubject}). */
public enum SubjectType {
    /** A file. */
    FILE,
    /** An approval request. */
    APPROVAL,
    /** A conversation (messages and mentions are about their conversation, so a busy thread is one item). */
    CONVERSATION,
    /** A client request. */
    REQUEST,
    /** A task. */
    TASK,
    /** A milestone. */
    MILESTONE,
    /** A project (its status updates). */
    PROJECT,
    /** A linked record of the host (invoice, ticket...). */
    RECORD
}
