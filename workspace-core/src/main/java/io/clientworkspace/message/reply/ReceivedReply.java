package io.clientworkspace.message.reply;

import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import static java.util.Objects.requireNonNull;

/**
 * What became of an accepted reply.
 *
 * @param workspaceId    the workspace
 * @param conversationId the conversation it was posted into
 * @param messageId      the posted message
 * @param author         the recipient it was posted as
 * @param duplicate      true when the same inbound id was already received with this token: nothing was posted
 *                       and {@link #messageId()} is the first reply's message
 */
public record ReceivedReply(WorkspaceId workspaceId, ConversationId conversationId, MessageId messageId, UserId author,
                            boolean duplicate) {

    public ReceivedReply {
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(messageId, "messageId must not be null");
        requireNonNull(author, "author must not be null");
    }
}
