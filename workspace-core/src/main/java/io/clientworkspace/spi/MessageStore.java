package io.clientworkspace.spi;

import java.util.LinkedHashMap;
import java.util.Set;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.MessageRevision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores messages and their previous bodies, scoped by tenant and workspace in every call. The ids of one
 * conversation's messages increase in commit order (the conversations service ensures it), so "newest first" is
 * "greatest id first"; ids compare in code-unit order ({@link String#compareTo}).
 */
public interface MessageStore {

    /**
     * Stores a new message at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    Message insert(Message message);

    /**
     * Replaces a message whose stored version equals {@code message.version()}; returns it at the next version.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     */
    Message update(Message message);

    /** The message with this id in this workspace. */
    Optional<Message> find(TenantId tenantId, WorkspaceId workspaceId, MessageId id);

    /** Like {@link #find}, and inside a unit of work locks the message until it ends. */
    default Optional<Message> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        return find(tenantId, workspaceId, id);
    }

    /**
     * Up to {@code limit} messages of the conversation, newest first, with ids below {@code beforeId}; only
     * CLIENT messages unless {@code includeInternal}. Tombstones are included.
     */
    List<Message> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                  boolean includeInternal, Optional<MessageId> beforeId, int limit);

    /**
     * Up to {@code limit} messages of the conversation, oldest first, with ids above {@code afterId}; only
     * CLIENT messages unless {@code includeInternal}. Tombstones are included.
     */
    List<Message> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                  boolean includeInternal, Optional<MessageId> afterId, int limit);

    /**
     * Appends a previous body; its revision must be one more than the message's latest (1 for the first).
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if that revision is taken or skips ahead
     */
    void appendRevision(TenantId tenantId, WorkspaceId workspaceId, MessageRevision revision);

    /** The message's previous bodies, oldest first. */
    List<MessageRevision> revisions(TenantId tenantId, WorkspaceId workspaceId, MessageId messageId);

    /**
     * Unread messages for {@code userId}, in one call: for each workspace of {@code includeInternal} (the
     * value says whether the user sees internal notes there) the number of messages not deleted, not written
     * by the user, and newer than the user's read marker of their conversation (all of them without a
     * marker), counting only CLIENT messages of CLIENT conversations where the value is false (a conversation
     * about an item can turn internal while its messages stay CLIENT). Every workspace asked for is in the
     * answer, with 0 when nothing is unread. With {@code conversationId} present, only that conversation counts.
     */
    Map<WorkspaceId, Long> countUnread(TenantId tenantId, UserId userId, Map<WorkspaceId, Boolean> includeInternal,
                                       Optional<ConversationId> conversationId);

    /**
     * Unread messages written by client users, for {@code userId} (a team user) on the operator dashboard, in one
     * call whatever the number of workspaces: for each of {@code workspaceIds} the number of messages with
     * {@link Message#authorKind()} CLIENT, not deleted, not written by the user, and newer than the user's read
     * marker of their conversation (all of them without a marker), in every conversation of the workspace. Every
     * workspace asked for is in the answer, with 0 when nothing is unread. Stores should override it with one
     * statement (a page of the dashboard costs a constant number of statements).
     *
     * <p>The default answers {@link #countUnread} with internal notes included, which also counts unread messages of
     * other team members: an over-count that store sets written before this method existed accept.
     */
    default Map<WorkspaceId, Long> countUnreadFromClients(TenantId tenantId, UserId userId,
                                                          Set<WorkspaceId> workspaceIds) {
        Map<WorkspaceId, Boolean> all = new LinkedHashMap<>();
        workspaceIds.forEach(w -> all.put(w, Boolean.TRUE));
        return countUnread(tenantId, userId, all, Optional.empty());
    }
}
