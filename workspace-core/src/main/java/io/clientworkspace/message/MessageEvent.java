package io.clientworkspace.message;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events about conversations and messages. A message's events carry the message's visibility, so internal
 * notes never reach clients. No event's activity entry holds a message body: only ids (and a topic's title).
 */
public sealed interface MessageEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    /** The conversation. */
    ConversationId conversationId();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /**
     * A conversation was started. Activity: {@code conversation.started} with the kind and the title, and for
     * an item conversation the item type and id.
     */
    record ConversationStarted(TenantId tenantId, WorkspaceId workspace, ConversationId conversationId,
                               ConversationKind kind, String title, Optional<ItemRef> item, Visibility visibility,
                               Actor actor, Instant occurredAt) implements MessageEvent {
        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new java.util.TreeMap<>(Map.of("kind", kind.name(), "title", title));
            item.ifPresent(i -> {
                details.put("itemType", i.type().name());
                details.put("itemId", i.id());
            });
            return List.of(new ActivityDescription("conversation.started", "conversation", conversationId.value(), details));
        }
    }

    /** A message was posted. Activity: {@code message.posted} with the conversation. */
    record MessagePosted(TenantId tenantId, WorkspaceId workspace, ConversationId conversationId, MessageId messageId,
                         Visibility visibility, Actor actor, Instant occurredAt) implements MessageEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(message(messageId, "message.posted", Map.of("conversation", conversationId.value())));
        }
    }

    /** A message's body was edited. Activity: {@code message.edited} with the conversation and the revision kept. */
    record MessageEdited(TenantId tenantId, WorkspaceId workspace, ConversationId conversationId, MessageId messageId,
                         int revision, Visibility visibility, Actor actor, Instant occurredAt) implements MessageEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(message(messageId, "message.edited", Map.of("conversation", conversationId.value(),
                    "revision", Integer.toString(revision))));
        }
    }

    /** A message was deleted (now a tombstone). Activity: {@code message.deleted} with the conversation. */
    record MessageDeleted(TenantId tenantId, WorkspaceId workspace, ConversationId conversationId, MessageId messageId,
                          Visibility visibility, Actor actor, Instant occurredAt) implements MessageEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(message(messageId, "message.deleted", Map.of("conversation", conversationId.value())));
        }
    }

    /**
     * A member was mentioned in a message (one event per mentioned member, so the host can notify each).
     * Activity: {@code message.mentioned} with the conversation and the member.
     */
    record MemberMentioned(TenantId tenantId, WorkspaceId workspace, ConversationId conversationId, MessageId messageId,
                           UserId mentioned, Visibility visibility, Actor actor, Instant occurredAt)
            implements MessageEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(message(messageId, "message.mentioned", Map.of("conversation", conversationId.value(),
                    "member", mentioned.value())));
        }
    }

    private static ActivityDescription message(MessageId id, String action, Map<String, String> details) {
        return new ActivityDescription(action, "message", id.value(), details);
    }
}
