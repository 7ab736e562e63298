package io.clientworkspace.notification;

import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What the kit hands to the host's {@link io.clientworkspace.spi.NotificationSender}: one message for one recipient,
 * already filtered to what that recipient may see when it is sent. Delivery is at least once: after a crash between
 * sending and recording the send, the same {@link #id()} may be handed over again, so a sender may deduplicate on it.
 *
 * @param id        identifies this notification (the same on a retry of the same items)
 * @param tenantId  the tenant
 * @param recipient who it is for
 * @param locale    the recipient's language
 * @param zone      the recipient's zone (to print times)
 * @param mode      immediate or the daily digest
 * @param items     what it tells, each change once; never empty
 * @param createdAt when it was put together
 */
public record Notification(NotificationId id, TenantId tenantId, UserId recipient, Locale locale, ZoneId zone,
                           NotificationMode mode, List<NotificationItem> items, Instant createdAt) {

    public Notification {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(locale, "locale must not be null");
        requireNonNull(zone, "zone must not be null");
        requireNonNull(mode, "mode must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a notification tells at least one item");
        }
    }
}
