package io.clientworkspace.spi;

import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ItemRef;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores conversations, scoped by tenant and workspace in every call. */
public interface ConversationStore {

    /**
     * A keyset position in a conversation list ordered by activity: the activity time and id of the last
     * conversation of the previous page.
     */
    record Position(Instant activityAt, ConversationId id) {
        public Position {
            java.util.Objects.requireNonNull(activityAt, "activityAt must not be null");
            java.util.Objects.requireNonNull(id, "id must not be null");
        }
    }

    /**
     * Stores a new conversation at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken, or if the
     *         workspace already has a GENERAL conversation, or a conversation about the same item
     */
    Conversation insert(Conversation conversation);

    /**
     * Replaces a conversation whose stored version equals {@code conversation.version()}; returns it at the
     * next version.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     */
    Conversation update(Conversation conversation);

    /**
     * Records that a message of {@code visibility} was posted at {@code at}: moves {@code lastMessageAt}, and for a
     * CLIENT message {@code lastClientMessageAt}, forward to {@code at} (never back). Does not change the
     * version: the version counts changes of the conversation itself, and a client must not see it move when an
     * internal note is posted. Does nothing if there is no such conversation.
     */
    void recordMessage(TenantId tenantId, WorkspaceId workspaceId, ConversationId id, Instant at,
                       io.clientworkspace.activity.Visibility visibility);

    /** The conversation with this id in this workspace. */
    Optional<Conversation> find(TenantId tenantId, WorkspaceId workspaceId, ConversationId id);

    /** Like {@link #find}, and inside a unit of work locks the conversation until it ends. */
    default Optional<Conversation> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        return find(tenantId, workspaceId, id);
    }

    /** The workspace's GENERAL conversation, if it was created. */
    Optional<Conversation> findGeneral(TenantId tenantId, WorkspaceId workspaceId);

    /** The workspace's conversation about {@code item}, if there is one. */
    Optional<Conversation> findForItem(TenantId tenantId, WorkspaceId workspaceId, ItemRef item);

    /**
     * Up to {@code limit} conversations of the workspace, most recently active first, then by id descending,
     * strictly after {@code after} in that order. With {@code includeInternal} every conversation, ordered by
     * {@link Conversation#activityAt()}; without it only CLIENT conversations, ordered by
     * {@link Conversation#clientActivityAt()}, so that internal notes never move a conversation.
     */
    List<Conversation> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                            Optional<Position> after, int limit);
}
