package io.clientworkspace.notification;

/**
 * What one {@link NotificationService#deliverDue} run did.
 *
 * @param sent     notifications the sender accepted
 * @param failed   notifications the sender refused (their items are retried later, with backoff)
 * @param items    queued items handed over in the sent notifications
 * @param dropped  queued items dropped because the recipient may no longer see them or turned the kind off
 * @param deferred queued items put back because the recipient is in quiet hours now
 */
public record DeliveryReport(int sent, int failed, int items, int dropped, int deferred) {

    /** Nothing was due. */
    public static final DeliveryReport NOTHING = new DeliveryReport(0, 0, 0, 0, 0);
}
