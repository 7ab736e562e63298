package io.clientworkspace.examples.portal;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.notification.Notification;
import io.clientworkspace.spi.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The portal's {@link NotificationSender}: where a real host would send an e-mail or a push message, the portal keeps
 * the latest {@value #KEPT} notifications of each user in memory and shows them on the user's Notifications page. The
 * starter hands the kit this bean, and its delivery job calls it with what is due, already filtered to what the
 * recipient may see. Delivery is at least once: a notification handed over again with the same id (a retry after a
 * crash) is kept once.
 */
@Component
public class PortalNotificationSender implements NotificationSender {

    /** How many notifications of one user are kept. */
    public static final int KEPT = 50;

    private static final Logger log = LoggerFactory.getLogger(PortalNotificationSender.class);

    private final Map<Key, Deque<Notification>> sent = new HashMap<>();

    @Override
    public void send(Notification notification) {
        requireNonNull(notification, "notification must not be null");
        synchronized (sent) {
            Deque<Notification> mine = sent.computeIfAbsent(new Key(notification.tenantId(), notification.recipient()),
                    k -> new ArrayDeque<>());
            if (mine.stream().map(Notification::id).anyMatch(notification.id()::equals)) {
                return;
            }
            mine.addFirst(notification);
            while (mine.size() > KEPT) {
                mine.removeLast();
            }
        }
        log.info("Notification {} ({}, {} item(s)) for user {}", notification.id().value(), notification.mode(),
                notification.items().size(), notification.recipient().value());
    }

    /** The user's notifications, newest first. */
    public List<Notification> sentTo(TenantId tenantId, UserId userId) {
        synchronized (sent) {
            Deque<Notification> mine = sent.get(new Key(tenantId, userId));
            return mine == null ? List.of() : List.copyOf(mine);
        }
    }

    private record Key(TenantId tenantId, UserId userId) {
    }
}
