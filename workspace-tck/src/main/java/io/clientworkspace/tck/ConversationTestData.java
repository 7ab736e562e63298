package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.Message;
import io.clientworkspace.workspace.Workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Conversations and messages for the store contracts, with the ids, users and instants of a {@link TestData}.
 * Message ids it hands out increase, as the kit's time-ordered ids do.
 */
public final class ConversationTestData {

    private final TestData data;

    /** Uses {@code data} for ids, users and instants. */
    public ConversationTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new conversation id. */
    public ConversationId conversationId() {
        return ConversationId.of(data.unique("c"));
    }

    /** A new message id, greater than every message id handed out before. */
    public MessageId messageId() {
        return MessageId.of(data.unique("m"));
    }

    /** A new topic of the workspace with that visibility, never active. */
    public Conversation topic(Workspace workspace, Visibility visibility) {
        return new Conversation(conversationId(), workspace.tenantId(), workspace.id(), ConversationKind.TOPIC,
                Optional.empty(), "Topic", visibility, data.userId(), data.instant(), Optional.empty(), Optional.empty(), 0);
    }

    /** The workspace's General conversation. */
    public Conversation general(Workspace workspace) {
        return new Conversation(conversationId(), workspace.tenantId(), workspace.id(), ConversationKind.GENERAL,
                Optional.empty(), Conversation.GENERAL_TITLE, Visibility.CLIENT, data.userId(), data.instant(),
                Optional.empty(), Optional.empty(), 0);
    }

    /** The conversation about {@code item}. */
    public Conversation about(Workspace workspace, ItemRef item) {
        return new Conversation(conversationId(), workspace.tenantId(), workspace.id(), ConversationKind.ITEM,
                Optional.of(item), "Item", Visibility.CLIENT, data.userId(), data.instant(), Optional.empty(),
                Optional.empty(), 0);
    }

    /** A new message of the conversation by {@code author}, with that visibility. */
    public Message message(Conversation conversation, UserId author, Visibility visibility) {
        return new Message(messageId(), conversation.id(), conversation.tenantId(), conversation.workspaceId(), author,
                ActorKind.TEAM, "body " + data.unique("text"), visibility, List.of(), Set.of(), data.instant(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }
}
