package io.clientworkspace.notification;

/** Whether a {@link io.clientworkspace.notification.Notification} is sent on its own or as the daily digest. */
public enum NotificationMode {
    /** Items the member wants to hear about immediately (after the batching window). */
    IMMEDIATE,
    /** The member's daily digest: every digest item gathered since the previous one, each once. */
    DIGEST
}
