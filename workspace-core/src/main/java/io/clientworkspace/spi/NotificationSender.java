package io.clientworkspace.spi;

import io.clientworkspace.notification.Notification;

/**
 * Where notifications go: the host sends them by e-mail, push, a page of its own... The kit calls it from
 * {@code NotificationService.deliverDue}, outside any unit of work, with notifications already filtered to what
 * the recipient may see. Default: {@link io.clientworkspace.notification.LoggingNotificationSender} (one INFO line
 * each, ids only).
 *
 * <p>Delivery is at least once: a notification whose send was not recorded (the node died right after) is handed
 * over again with the same id, so implementations may deduplicate on {@link Notification#id()}. Implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface NotificationSender {

    /**
     * Sends one notification. Returning normally means it was sent (or durably handed on); throwing any exception
     * means it was not: its items stay queued and are retried later with backoff.
     */
    void send(Notification notification);
}
