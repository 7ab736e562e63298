package io.clientworkspace.notification;

/** How a member wants to hear about one {@link NotificationKind}. */
public enum Delivery {
    /** On its own, as soon as the batching window has passed and the member is outside quiet hours. */
    IMMEDIATE,
    /** Gathered into one digest per day, sent at the member's local digest time (outside quiet hours). */
    DAILY_DIGEST,
    /** Never: nothing of this kind is queued for the member. */
    OFF
}
