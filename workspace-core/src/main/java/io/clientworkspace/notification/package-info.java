/**
 * Notifications ({@code notifications}): what a member is told about changes in their workspaces, and when.
 *
 * <p>Each member sets, per {@link io.clientworkspace.notification.NotificationKind}, a
 * {@link io.clientworkspace.notification.Delivery} (immediately, in a daily digest, or off), quiet hours, a locale
 * and a zone ({@link io.clientworkspace.notification.NotificationPreferences}). A read model kept inside each
 * operation's unit of work queues one {@link io.clientworkspace.notification.PendingNotification} per recipient who
 * may see the changed item (never the actor; internal items only to members holding {@code VIEW_INTERNAL}); changes
 * to the same item within the batching window merge into one item with a count. {@link
 * io.clientworkspace.notification.NotificationService#deliverDue} hands what is due, re-checked against what each
 * recipient may see now, to the host's {@link io.clientworkspace.spi.NotificationSender}: immediate items once their
 * window has passed and outside quiet hours, digest items once a day at the recipient's local digest time. Delivery is
 * at least once, with claims so that two nodes never send the same item, and failed sends are retried with backoff.
 */
@NullMarked
package io.clientworkspace.notification;

import org.jspecify.annotations.NullMarked;
