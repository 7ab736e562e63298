package io.clientworkspace.notification;

/**
 * What a notification is about. The mapping from domain events to kinds lives in one place
 * ({@code NotificationRules}, package-private) and is documented on each constant.
 */
public enum NotificationKind {
    /** A file was uploaded or got a new version, or was shared with clients ({@code FileEvent}); default immediate. */
    FILE_SHARED(Delivery.IMMEDIATE),
    /** Approval was requested of the member (the named approvers, else who may decide); default immediate. */
    APPROVAL_REQUESTED(Delivery.IMMEDIATE),
    /** An approval the member may see was decided (approved, rejected, changes requested...); default immediate. */
    APPROVAL_DECIDED(Delivery.IMMEDIATE),
    /** A message was posted in a conversation the member may see; default immediate. */
    MESSAGE_POSTED(Delivery.IMMEDIATE),
    /** The member was mentioned in a message; default immediate. */
    MENTIONED(Delivery.IMMEDIATE),
    /** A client submitted a request (to team members who manage requests); default immediate. */
    REQUEST_SUBMITTED(Delivery.IMMEDIATE),
    /** A request's status or assignee changed; default immediate. */
    REQUEST_UPDATED(Delivery.IMMEDIATE),
    /** A task was assigned to the member; default immediate. */
    TASK_ASSIGNED(Delivery.IMMEDIATE),
    /** A task (to its assignee) or a milestone (to who manages projects) became overdue; default daily digest. */
    ITEM_OVERDUE(Delivery.DAILY_DIGEST),
    /** A status update was posted on a project the member may see; default daily digest. */
    STATUS_UPDATE_POSTED(Delivery.DAILY_DIGEST),
    /** A milestone the member may see was delivered; default daily digest. */
    MILESTONE_DELIVERED(Delivery.DAILY_DIGEST),
    /** One of the host's linked records changed (invoices only to members holding VIEW_BILLING); default daily digest. */
    RECORD_CHANGED(Delivery.DAILY_DIGEST);

    private final Delivery defaultDelivery;

    NotificationKind(Delivery defaultDelivery) {
        this.defaultDelivery = defaultDelivery;
    }

    /** How a member hears about this kind until they choose otherwise. */
    public Delivery defaultDelivery() {
        return defaultDelivery;
    }
}
