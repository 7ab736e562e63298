package io.clientworkspace.examples.portal;

import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.message.MessageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where a real host would send a notification (an e-mail, a chat message) when someone is mentioned: the kit
 * raises one {@link MessageEvent.MemberMentioned} per mentioned member, after the post committed, and the
 * starter republishes it as a Spring application event. The portal logs it and keeps the latest ones in memory
 * ({@link #recent()}), which is all a demo needs. The event holds no message body; a host that wants to quote
 * the message reads it through {@code kit.conversations()} as the mentioned member.
 */
@Component
public class MentionNotifications {

    /** How many notifications {@link #recent()} keeps. */
    public static final int KEPT = 100;

    private static final Logger log = LoggerFactory.getLogger(MentionNotifications.class);

    private final PortalUsers users;
    private final Deque<Notification> recent = new ArrayDeque<>();

    public MentionNotifications(PortalUsers users) {
        this.users = users;
    }

    /** Logs the mention as the notification a host would send. */
    @EventListener
    public void on(MessageEvent.MemberMentioned event) {
        Notification notification = new Notification(users.nameOf(event.mentioned()), users.nameOf(event.actor().userId()),
                event.workspace().value(), event.conversationId().value(), event.messageId().value(),
                event.visibility().name());
        log.info("Notify {}: {} mentioned them in conversation {} of workspace {} (message {}, {})",
                notification.member(), notification.by(), notification.conversationId(), notification.workspaceId(),
                notification.messageId(), notification.visibility());
        synchronized (recent) {
            recent.addLast(notification);
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    /** The latest notifications, oldest first. */
    public List<Notification> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** One notification: who was mentioned, by whom, where. */
    public record Notification(String member, String by, String workspaceId, String conversationId, String messageId,
                               String visibility) {
    }
}
