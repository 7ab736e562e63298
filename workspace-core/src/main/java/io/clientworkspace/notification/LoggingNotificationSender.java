package io.clientworkspace.notification;

import io.clientworkspace.spi.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The default {@link NotificationSender}: one INFO line per notification to the logger
 * {@code io.clientworkspace.notification}, with ids, kinds and counts only (no titles: a log is not the place for
 * them), so that a host without a sender sees what would have been sent:
 * <pre>
 * notification id=n1 tenant=t1 recipient=carol mode=IMMEDIATE items=FILE_SHARED:w1:FILE:f1x2
 * </pre>
 */
public final class LoggingNotificationSender implements NotificationSender {

    /** The logger the lines go to. */
    public static final String LOGGER = "io.clientworkspace.notification";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** The line logged for a notification (without the logger's own prefix). */
    public static String line(Notification n) {
        requireNonNull(n, "n must not be null");
        return "notification id=" + n.id().value() + " tenant=" + n.tenantId().value() + " recipient="
                + n.recipient().value() + " mode=" + n.mode() + " items=" + n.items().stream()
                .map(i -> i.kind() + ":" + i.workspaceId().value() + ":" + i.subject().type() + ":" + i.subject().id()
                        + "x" + i.count())
                .collect(Collectors.joining(","));
    }

    @Override
    public void send(Notification notification) {
        log.info(line(notification));
    }
}
