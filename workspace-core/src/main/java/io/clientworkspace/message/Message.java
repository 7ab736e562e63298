package io.clientworkspace.message;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FileId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One message of a conversation: plain text (never HTML), client-visible or a team-only internal note.
 * A deleted message stays as a tombstone: empty body, {@code deletedAt} and {@code deletedBy} set; it reads
 * as "message deleted".
 *
 * @param id          time-ordered: later messages have greater ids
 * @param visibility  {@link Visibility#TEAM} for an internal note; always TEAM in a TEAM conversation
 * @param attachments files of the same workspace, at most 20
 * @param mentions    members told about the message, at most 50, each able to see it
 * @param editedAt    when the body was last edited
 * @param version     optimistic-locking version, 0 when posted
 */
public record Message(MessageId id, ConversationId conversationId, TenantId tenantId, WorkspaceId workspaceId,
                      UserId authorId, ActorKind authorKind, String body, Visibility visibility,
                      List<FileId> attachments, Set<UserId> mentions, Instant createdAt, Optional<Instant> editedAt,
                      Optional<Instant> deletedAt, Optional<UserId> deletedBy, long version) {

    public Message {
        requireNonNull(id, "id must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(authorId, "authorId must not be null");
        requireNonNull(authorKind, "authorKind must not be null");
        requireNonNull(body, "body must not be null");
        requireNonNull(visibility, "visibility must not be null");
        attachments = List.copyOf(requireNonNull(attachments, "attachments must not be null"));
        mentions = Set.copyOf(requireNonNull(mentions, "mentions must not be null"));
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(editedAt, "editedAt must not be null");
        requireNonNull(deletedAt, "deletedAt must not be null");
        requireNonNull(deletedBy, "deletedBy must not be null");
        if (deletedAt.isPresent() != deletedBy.isPresent()) {
            throw new IllegalArgumentException("deletedAt and deletedBy are set together");
        }
    }

    /** Whether the message was deleted (a tombstone). */
    public boolean deleted() {
        return deletedAt.isPresent();
    }

    /** This message with a new body, edited at {@code at} (same version; the store increments it). */
    public Message edited(String newBody, Instant at) {
        return new Message(id, conversationId, tenantId, workspaceId, authorId, authorKind, newBody, visibility,
                attachments, mentions, createdAt, Optional.of(at), deletedAt, deletedBy, version);
    }

    /** The tombstone of this message: empty body, no attachments or mentions (same version). */
    public Message tombstone(UserId by, Instant at) {
        return new Message(id, conversationId, tenantId, workspaceId, authorId, authorKind, "", visibility,
                List.of(), Set.of(), createdAt, editedAt, Optional.of(at), Optional.of(by), version);
    }

    /** A copy at {@code newVersion}. */
    public Message withVersion(long newVersion) {
        return new Message(id, conversationId, tenantId, workspaceId, authorId, authorKind, body, visibility,
                attachments, mentions, createdAt, editedAt, deletedAt, deletedBy, newVersion);
    }
}
