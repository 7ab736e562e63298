package io.clientworkspace.spring.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.MessageId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationService;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.ConversationDtos.ConversationDto;
import io.clientworkspace.spring.web.ConversationDtos.ConversationUnreadDto;
import io.clientworkspace.spring.web.ConversationDtos.EditMessageRequest;
import io.clientworkspace.spring.web.ConversationDtos.MarkReadRequest;
import io.clientworkspace.spring.web.ConversationDtos.MessageDto;
import io.clientworkspace.spring.web.ConversationDtos.PostMessageRequest;
import io.clientworkspace.spring.web.ConversationDtos.ReadMarkerDto;
import io.clientworkspace.spring.web.ConversationDtos.RevisionDto;
import io.clientworkspace.spring.web.ConversationDtos.StartTopicRequest;
import io.clientworkspace.spring.web.ConversationDtos.UnreadDto;
import io.clientworkspace.spring.web.ConversationDtos.WorkspaceUnreadDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Conversations of a workspace ({@code kit.conversations()}): the General conversation, topics, one conversation
 * per item, their messages (newest first by cursor, or oldest first {@code since} a message for polling),
 * internal notes, edits with their history, tombstone deletes, read markers and unread counts.
 *
 * <p>Internal conversations and internal notes do not exist for clients: by id they answer the 404 of an unknown
 * id, lists, pages, cursors and counts are computed on what the caller may see only, and a message's history
 * answers clients 404 for every id. Posting without the permission is 403; an archived workspace is read-only
 * (409 {@code archived}) except for read markers. Editing and deleting a message need If-Match with its ETag
 * (428 without, 412 when stale; 409 {@code conflict} for a message already deleted).
 *
 * <p>Live updates: {@link ConversationEventsController} (server-sent events); polling with {@code ?since=} is the
 * fallback that always works.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class ConversationApiController implements KitController {

    private static final String CONVERSATIONS = "/workspaces/{workspaceId}/conversations";
    private static final String MESSAGE = CONVERSATIONS + "/messages/{messageId}";

    private final WorkspaceKit kit;

    public ConversationApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    private ConversationService conversations() {
        return kit.conversations();
    }

    // ------------------------------------------------------------------------------------------ conversations

    /** The conversations the caller may see, most recently active first (for the caller), keyset-paged. */
    @Operation(summary = "Conversations the caller may see, most recently active first")
    @GetMapping(CONVERSATIONS)
    public PageDto<ConversationDto> list(Actor actor, @PathVariable String workspaceId,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(conversations().list(actor, WorkspaceId.of(workspaceId),
                WorkspaceApiController.page(cursor, limit)), ConversationDto::of);
    }

    /** The workspace's General conversation (created on first use by anyone who may see the workspace). */
    @Operation(summary = "The workspace's General conversation (created on first use)")
    @GetMapping(CONVERSATIONS + "/general")
    public ResponseEntity<ConversationDto> general(Actor actor, @PathVariable String workspaceId) {
        return withETag(conversations().general(actor, WorkspaceId.of(workspaceId)));
    }

    /** Starts a topic: {@code {"title": ..., "visibility": "CLIENT"|"TEAM"}}; 201 with the conversation. */
    @Operation(summary = "Start a topic (visibility CLIENT, or TEAM for an internal conversation)")
    @PostMapping(CONVERSATIONS)
    public ResponseEntity<ConversationDto> startTopic(Actor actor, @PathVariable String workspaceId,
                                                      @RequestBody StartTopicRequest body) {
        Visibility visibility = body.visibility() == null ? Visibility.CLIENT
                : Inputs.enumValue(body.visibility(), Visibility.class, "visibility");
        Conversation started = conversations().startTopic(actor, WorkspaceId.of(workspaceId),
                Inputs.required(body.title(), "title"), visibility);
        return created(started, conversationUri(workspaceId, started));
    }

    /**
     * The conversation about an item ({@code file}, {@code approval} or {@code request} and its id), if it was
     * started; 404 otherwise, and for an item the caller may not see.
     */
    @Operation(summary = "The conversation about an item (file, approval, request), if started")
    @GetMapping(CONVERSATIONS + "/items/{type}/{itemId}")
    public ResponseEntity<ConversationDto> item(Actor actor, @PathVariable String workspaceId, @PathVariable String type,
                                                @PathVariable String itemId) {
        ItemRef item = itemRef(type, itemId);
        return withETag(conversations().findForItem(actor, WorkspaceId.of(workspaceId), item)
                .orElseThrow(() -> new NotFoundException("conversation", item.type().name() + " " + item.id())));
    }

    /**
     * Get-or-create the conversation about an item: 201 when this call started it, 200 when it existed. The caller
     * must see the item (404 otherwise); the conversation takes the item's visibility.
     */
    @Operation(summary = "Get or start the conversation about an item (201 when started)")
    @PostMapping(CONVERSATIONS + "/items/{type}/{itemId}")
    public ResponseEntity<ConversationDto> startItem(Actor actor, @PathVariable String workspaceId,
                                                     @PathVariable String type, @PathVariable String itemId) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ItemRef item = itemRef(type, itemId);
        // The service tells who created it: of two racing first calls exactly one answers 201.
        ConversationService.ItemConversation opened = conversations().openItem(actor, ws, item);
        Conversation conversation = opened.conversation();
        return opened.created() ? created(conversation, conversationUri(workspaceId, conversation)) : withETag(conversation);
    }

    /** One conversation, with its version as ETag. */
    @Operation(summary = "One conversation, with its version as ETag")
    @GetMapping(CONVERSATIONS + "/{conversationId}")
    public ResponseEntity<ConversationDto> get(Actor actor, @PathVariable String workspaceId,
                                               @PathVariable String conversationId) {
        return withETag(conversations().get(actor, WorkspaceId.of(workspaceId), ConversationId.of(conversationId)));
    }

    // ------------------------------------------------------------------------------------------ messages

    /**
     * The conversation's messages the caller may see, tombstones included: newest first with {@code cursor}
     * paging; or, with {@code since} (a message id, empty for the start), the messages after it oldest first, at
     * most {@code limit} (1 to 500), for polling: the next poll passes the last id received.
     */
    @Operation(summary = "Messages, newest first (?cursor=), or oldest first after a message (?since=) for polling")
    @GetMapping(CONVERSATIONS + "/{conversationId}/messages")
    public PageDto<MessageDto> messages(Actor actor, @PathVariable String workspaceId,
                                        @PathVariable String conversationId,
                                        @RequestParam(required = false) @Nullable String cursor,
                                        @RequestParam(required = false) @Nullable String since,
                                        @RequestParam(defaultValue = "50") int limit) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ConversationId id = ConversationId.of(conversationId);
        if (since == null) {
            return PageDto.of(conversations().messages(actor, ws, id, WorkspaceApiController.page(cursor, limit)),
                    MessageDto::of);
        }
        if (cursor != null && !cursor.isEmpty()) {
            throw new ValidationException(FieldError.of("cursor", "give either cursor (pages, newest first) or since"
                    + " (polling, oldest first), not both"));
        }
        Optional<MessageId> after = since.isEmpty() ? Optional.empty() : Optional.of(MessageId.of(since));
        List<MessageDto> items = conversations().since(actor, ws, id, after, limit).stream().map(MessageDto::of).toList();
        return new PageDto<>(items, null);
    }

    /**
     * Posts a message: {@code {"body": ..., "visibility": "CLIENT"|"TEAM", "attachments": [fileIds],
     * "mentions": [userIds]}}; TEAM posts an internal note. 201 with the message and its ETag. Errors name the
     * field: {@code body}, {@code attachments[i]}, {@code mentions[i]}, or the list when it is too long.
     */
    @Operation(summary = "Post a message (visibility TEAM: an internal note), with attachments and mentions")
    @PostMapping(CONVERSATIONS + "/{conversationId}/messages")
    public ResponseEntity<MessageDto> post(Actor actor, @PathVariable String workspaceId,
                                           @PathVariable String conversationId, @RequestBody PostMessageRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ConversationId id = ConversationId.of(conversationId);
        // The caller first: a conversation it may not see answers 404 whatever the body holds.
        conversations().get(actor, ws, id);
        Visibility visibility = body.visibility() == null ? Visibility.CLIENT
                : Inputs.enumValue(body.visibility(), Visibility.class, "visibility");
        NewMessage message = new NewMessage(Inputs.required(body.body(), "body"), visibility,
                ids(body.attachments(), "attachments", ConversationService.MAX_ATTACHMENTS, FileId::of),
                ids(body.mentions(), "mentions", ConversationService.MAX_MENTIONS, UserId::of));
        Message posted = conversations().post(actor, ws, id, message);
        URI location = underConversations(workspaceId, "/messages/"
                + UriUtils.encodePathSegment(posted.id().value(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).eTag(Inputs.etag(posted.version())).body(MessageDto.of(posted));
    }

    /** One message the caller may see, with its version as ETag. */
    @Operation(summary = "One message, with its version as ETag")
    @GetMapping(MESSAGE)
    public ResponseEntity<MessageDto> message(Actor actor, @PathVariable String workspaceId,
                                              @PathVariable String messageId) {
        Message message = conversations().findMessage(actor, WorkspaceId.of(workspaceId), MessageId.of(messageId))
                .orElseThrow(() -> new NotFoundException("message", messageId));
        return withETag(message);
    }

    /** Edits the caller's own message ({@code {"body": ...}}; If-Match required); the previous body is kept. */
    @Operation(summary = "Edit your message (If-Match); the previous body is kept for the team")
    @PatchMapping(MESSAGE)
    public ResponseEntity<MessageDto> edit(Actor actor, @PathVariable String workspaceId, @PathVariable String messageId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                           @RequestBody EditMessageRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        return withETag(conversations().edit(actor, WorkspaceId.of(workspaceId), MessageId.of(messageId),
                Inputs.required(body.body(), "body"), expected));
    }

    /**
     * Deletes a message (its author, the workspace's lead or a tenant admin; If-Match required): 200 with the
     * tombstone.
     */
    @Operation(summary = "Delete a message, leaving a tombstone (author, lead, tenant admin; If-Match)")
    @DeleteMapping(MESSAGE)
    public ResponseEntity<MessageDto> delete(Actor actor, @PathVariable String workspaceId, @PathVariable String messageId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long expected = Inputs.ifMatch(ifMatch);
        return withETag(conversations().delete(actor, WorkspaceId.of(workspaceId), MessageId.of(messageId), expected));
    }

    /** The previous bodies of a message, oldest first: team only; every id answers clients 404. */
    @Operation(summary = "A message's previous bodies, oldest first (team; 404 for clients)")
    @GetMapping(MESSAGE + "/revisions")
    public PageDto<RevisionDto> revisions(Actor actor, @PathVariable String workspaceId, @PathVariable String messageId) {
        MessageId id = MessageId.of(messageId);
        try {
            return new PageDto<>(conversations().revisions(actor, WorkspaceId.of(workspaceId), id).stream()
                    .map(RevisionDto::of).toList(), null);
        } catch (AccessDeniedException e) {
            // A caller who may not see internal items learns nothing about the id, as for any unknown message.
            throw new NotFoundException("message", messageId);
        }
    }

    // ------------------------------------------------------------------------------------------ read state

    /** Marks the conversation read up to a message ({@code {"messageId": ...}}); the marker only moves forward. */
    @Operation(summary = "Mark a conversation read up to a message (only ever forward)")
    @PostMapping(CONVERSATIONS + "/{conversationId}/read")
    public ReadMarkerDto markRead(Actor actor, @PathVariable String workspaceId, @PathVariable String conversationId,
                                  @RequestBody MarkReadRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ConversationId id = ConversationId.of(conversationId);
        conversations().get(actor, ws, id);
        ReadMarker marker = conversations().markRead(actor, ws, id,
                MessageId.of(Inputs.required(body.messageId(), "messageId")));
        return ReadMarkerDto.of(marker, conversations().unread(actor, ws, id));
    }

    /** How many messages of the conversation the caller may see, did not write and has not read. */
    @Operation(summary = "The caller's unread messages in one conversation")
    @GetMapping(CONVERSATIONS + "/{conversationId}/unread")
    public ConversationUnreadDto unread(Actor actor, @PathVariable String workspaceId,
                                        @PathVariable String conversationId) {
        ConversationId id = ConversationId.of(conversationId);
        return new ConversationUnreadDto(id.value(), conversations().unread(actor, WorkspaceId.of(workspaceId), id));
    }

    /** The caller's unread messages in every conversation of the workspace it may see. */
    @Operation(summary = "The caller's unread messages in a workspace")
    @GetMapping(CONVERSATIONS + "/unread")
    public WorkspaceUnreadDto unreadInWorkspace(Actor actor, @PathVariable String workspaceId) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        return new WorkspaceUnreadDto(ws.value(), conversations().unreadInWorkspace(actor, ws));
    }

    /** The caller's unread messages in every workspace it is a member of (one count query), with their total. */
    @Operation(summary = "The caller's unread messages across all its workspaces")
    @GetMapping("/me/unread")
    public UnreadDto unreadEverywhere(Actor actor) {
        return UnreadDto.of(conversations().unreadAcrossWorkspaces(actor));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static ItemRef itemRef(String type, String itemId) {
        return new ItemRef(Inputs.enumValue(type, ItemType.class, "type"), itemId);
    }

    /**
     * The ids of a list field: too many is one error on the list (checked before any element is looked at, so a
     * list of 10,000 answers one bounded error); a missing element is an error on {@code field[i]}.
     */
    private static <T> List<T> ids(@Nullable List<@Nullable String> values, String field, int max,
                                   Function<String, T> parse) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new ValidationException(FieldError.of(field, "at most " + max + " " + field));
        }
        List<T> ids = new ArrayList<>(values.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            try {
                ids.add(parse.apply(Inputs.required(value, field + "[" + i + "]")));
            } catch (ValidationException e) {
                errors.add(FieldError.of(field + "[" + i + "]", e.fieldErrors().isEmpty() ? "is not a valid id"
                        : e.fieldErrors().get(0).message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return ids;
    }

    /** A URI under the request's {@code .../workspaces/{workspaceId}/conversations} (context and servlet paths kept). */
    private static URI underConversations(String workspaceId, String rest) {
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        String conversations = "/workspaces/" + UriUtils.encodePathSegment(workspaceId, StandardCharsets.UTF_8)
                + "/conversations";
        int at = path == null ? -1 : path.indexOf(conversations + "/");
        if (at < 0 && path != null && path.endsWith(conversations)) {
            at = path.length() - conversations.length();
        }
        String base = (at < 0 || path == null ? "" : path.substring(0, at)) + conversations;
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).replacePath(base + rest)
                .build(true).toUri();
    }

    private static URI conversationUri(String workspaceId, Conversation conversation) {
        return underConversations(workspaceId, "/" + UriUtils.encodePathSegment(conversation.id().value(),
                StandardCharsets.UTF_8));
    }

    private static ResponseEntity<ConversationDto> created(Conversation c, URI location) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(Inputs.etag(c.version()))
                .body(ConversationDto.of(c));
    }

    private static ResponseEntity<ConversationDto> withETag(Conversation c) {
        return ResponseEntity.ok().eTag(Inputs.etag(c.version())).body(ConversationDto.of(c));
    }

    private static ResponseEntity<MessageDto> withETag(Message m) {
        return ResponseEntity.ok().eTag(Inputs.etag(m.version())).body(MessageDto.of(m));
    }
}
