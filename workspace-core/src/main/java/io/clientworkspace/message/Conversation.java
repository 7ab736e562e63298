package io.clientworkspace.message;

import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A conversation of a workspace.
 *
 * <p>It keeps two activity times: {@code lastMessageAt} (any message, internal notes included) and
 * {@code lastClientMessageAt} (client-visible messages only). {@link ConversationService} shows a client
 * the second in both fields, so a client never learns when an internal note was posted.
 *
 * @param item                the item of an {@link ConversationKind#ITEM} conversation; empty otherwise
 * @param title               1 to 200 characters; "General" for the General conversation
 * @param visibility          {@link Visibility#TEAM}: an internal conversation that clients never see
 * @param lastMessageAt       when the newest message was posted, if any
 * @param lastClientMessageAt when the newest client-visible message was posted, if any
 * @param version             optimistic-locking version, 0 when created
 */
public record Conversation(ConversationId id, TenantId tenantId, WorkspaceId workspaceId, ConversationKind kind,
                           Optional<ItemRef> item, String title, Visibility visibility, UserId createdBy,
                           Instant createdAt, Optional<Instant> lastMessageAt, Optional<Instant> lastClientMessageAt,
                           long version) {

    /** The title of every workspace's General conversation. */
    public static final String GENERAL_TITLE = "General";

    public Conversation {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(item, "item must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(lastMessageAt, "lastMessageAt must not be null");
        requireNonNull(lastClientMessageAt, "lastClientMessageAt must not be null");
        if ((kind == ConversationKind.ITEM) != item.isPresent()) {
            throw new IllegalArgumentException("an ITEM conversation, and only it, has an item");
        }
    }

    /** When it was last active for someone who sees internal notes: the newest message, else its creation. */
    public Instant activityAt() {
        return lastMessageAt.orElse(createdAt);
    }

    /** When it was last active for a client: the newest client-visible message, else its creation. */
    public Instant clientActivityAt() {
        return lastClientMessageAt.orElse(createdAt);
    }

    /** The copy a client sees: the client-visible activity time in both fields. */
    public Conversation asSeenByClient() {
        return new Conversation(id, tenantId, workspaceId, kind, item, title, visibility, createdBy, createdAt,
                lastClientMessageAt, lastClientMessageAt, version);
    }

    /** This conversation with another visibility (same version; the store increments it). */
    public Conversation withVisibility(Visibility newVisibility) {
        requireNonNull(newVisibility, "newVisibility must not be null");
        return new Conversation(id, tenantId, workspaceId, kind, item, title, newVisibility, createdBy, createdAt,
                lastMessageAt, lastClientMessageAt, version);
    }

    /** A copy at {@code newVersion}. */
    public Conversation withVersion(long newVersion) {
        return new Conversation(id, tenantId, workspaceId, kind, item, title, visibility, createdBy, createdAt,
                lastMessageAt, lastClientMessageAt, newVersion);
    }
}
