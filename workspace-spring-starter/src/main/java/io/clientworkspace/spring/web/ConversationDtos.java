package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.FileId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.MessageRevision;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of conversations, messages, read markers, unread counts and live-update events.
 */
public final class ConversationDtos {

    private ConversationDtos() {
    }

    /** What an item conversation is about: {@code FILE}, {@code APPROVAL} or {@code REQUEST} and the item's id. */
    public record ItemDto(String type, String id) {
    }

    /**
     * A conversation as the caller may see it. {@code lastMessageAt} is the newest message the caller may see
     * (for a client: the newest client-visible one), null before the first.
     */
    public record ConversationDto(String id, String workspaceId, String kind, @Nullable ItemDto item, String title,
                                  String visibility, String createdBy, Instant createdAt, @Nullable Instant lastMessageAt,
                                  long version) {
        static ConversationDto of(Conversation c) {
            return new ConversationDto(c.id().value(), c.workspaceId().value(), c.kind().name(),
                    c.item().map(i -> new ItemDto(i.type().name(), i.id())).orElse(null), c.title(), c.visibility().name(),
                    c.createdBy().value(), c.createdAt(), c.lastMessageAt().orElse(null), c.version());
        }
    }

    /**
     * A message: plain text (never HTML), {@code visibility} TEAM for an internal note. A deleted message is a
     * tombstone: {@code deleted} true, empty {@code body}, no attachments or mentions, {@code deletedAt} and
     * {@code deletedBy} set.
     */
    public record MessageDto(String id, String conversationId, String author, String authorKind, String body,
                             String visibility, List<String> attachments, List<String> mentions, Instant createdAt,
                             @Nullable Instant editedAt, boolean deleted, @Nullable Instant deletedAt,
                             @Nullable String deletedBy, long version) {
        static MessageDto of(Message m) {
            return new MessageDto(m.id().value(), m.conversationId().value(), m.authorId().value(), m.authorKind().name(),
                    m.body(), m.visibility().name(), m.attachments().stream().map(FileId::value).toList(),
                    m.mentions().stream().map(UserId::value).sorted().toList(), m.createdAt(),
                    m.editedAt().orElse(null), m.deleted(), m.deletedAt().orElse(null),
                    m.deletedBy().map(UserId::value).orElse(null), m.version());
        }
    }

    /** A previous body of a message (team only), oldest first: revision 1 is the body as first posted. */
    public record RevisionDto(int revision, String body, Instant editedAt, String editedBy) {
        static RevisionDto of(MessageRevision r) {
            return new RevisionDto(r.revision(), r.body(), r.editedAt(), r.editedBy().value());
        }
    }

    /** The caller's read marker of a conversation and what is still unread there after it. */
    public record ReadMarkerDto(String conversationId, String lastRead, Instant readAt, long unread) {
        static ReadMarkerDto of(ReadMarker marker, long unread) {
            return new ReadMarkerDto(marker.conversationId().value(), marker.lastRead().value(), marker.at(), unread);
        }
    }

    /** Unread messages of one conversation for the caller. */
    public record ConversationUnreadDto(String conversationId, long unread) {
    }

    /** Unread messages of one workspace for the caller. */
    public record WorkspaceUnreadDto(String workspaceId, long unread) {
    }

    /** The caller's unread messages in every workspace it is a member of, by workspace id, and their total. */
    public record UnreadDto(long total, List<WorkspaceUnreadDto> workspaces) {
        static UnreadDto of(Map<WorkspaceId, Long> counts) {
            List<WorkspaceUnreadDto> rows = counts.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(WorkspaceId::value)))
                    .map(e -> new WorkspaceUnreadDto(e.getKey().value(), e.getValue())).toList();
            return new UnreadDto(rows.stream().mapToLong(WorkspaceUnreadDto::unread).sum(), rows);
        }
    }

    /**
     * One live update (the data of a server-sent event named {@code conversation}): what happened, to which
     * conversation and message; never a body. {@code kind}: {@code started} (a conversation, no message id),
     * {@code posted}, {@code edited}, {@code deleted}, {@code mentioned} (sent only to the member mentioned).
     */
    public record LiveUpdateDto(String workspaceId, String conversationId, @Nullable String messageId, String kind) {
    }

    /** Body of {@code POST .../conversations}: a topic, {@code visibility} CLIENT (default) or TEAM (internal). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record StartTopicRequest(@Nullable String title, @Nullable String visibility) implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST .../conversations/{id}/messages}: {@code visibility} CLIENT (default) or TEAM (an internal
     * note), {@code attachments} file ids of the workspace (at most 20), {@code mentions} user ids (at most 50).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record PostMessageRequest(@Nullable String body, @Nullable String visibility,
                                     @Nullable List<@Nullable String> attachments,
                                     @Nullable List<@Nullable String> mentions) implements RejectsUnknownFields {
    }

    /** Body of {@code PATCH .../conversations/messages/{id}}: the new body (If-Match: the message's ETag). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record EditMessageRequest(@Nullable String body) implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../conversations/{id}/read}: the newest message the caller has read. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record MarkReadRequest(@Nullable String messageId) implements RejectsUnknownFields {
    }
}
