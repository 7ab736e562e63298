package io.clientworkspace.message;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.MessageId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.internal.OrderedIds;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.RequestService;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Conversations and messages of a workspace ({@code kit.conversations()}).
 *
 * <p>Permissions: reading needs {@link Permission#VIEW_WORKSPACE}, and internal conversations and internal
 * notes also {@link Permission#VIEW_INTERNAL}; without it they do not exist (by id: {@link NotFoundException},
 * exactly like an unknown id). Posting a client-visible message needs {@link Permission#POST_MESSAGES};
 * posting an internal note, or anything in an internal conversation, {@link Permission#POST_INTERNAL_NOTES}.
 * An archived workspace is read-only ({@link io.clientworkspace.ArchivedException}); read markers still move.
 *
 * <p>Non-interference: for an actor without {@link Permission#VIEW_INTERNAL} every answer (lists, pages,
 * cursors, counts, unread counts, a conversation's last-message time, errors) is the same whether or not
 * internal notes and conversations exist: lists are filtered and ordered in the store by what the actor may
 * see, cursors name the last visible item, a client-visible conversation shows a client the time of its last
 * client-visible message, and the General conversation's creation is independent of who used it first (it
 * dates from the workspace's creation, its creator is {@link #GENERAL_CREATOR} and its start is recorded as
 * team-only activity).
 *
 * <p>Order: the ids of one conversation's messages increase in commit order, on any number of nodes and whatever
 * their clocks, so paging by id, {@link #since} polling and unread counts never skip a message. {@link #post} draws
 * the id under the workspace's row lock (every post of the workspace takes it) and, if the fresh id is not greater
 * than the conversation's latest message id (a node whose clock is behind, or two nodes in the same millisecond),
 * uses that latest id plus a random step instead, in the same UUIDv7 layout. The created-at time of a message is
 * the posting node's clock and is not used for ordering.
 *
 * <p>Every failed operation changes nothing.
 */
public final class ConversationService {

    /** The {@code createdBy} of every General conversation: it belongs to the workspace, not to whoever used it first. */
    public static final UserId GENERAL_CREATOR = UserId.of("workspace");

    /** The longest message body, in characters after trimming. */
    public static final int MAX_BODY = 10_000;
    /** The most attachments of one message. */
    public static final int MAX_ATTACHMENTS = 20;
    /** The most members one message mentions. */
    public static final int MAX_MENTIONS = 50;

    private static final String CONVERSATIONS = "cnv";
    private static final String MESSAGES = "msg";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final Optional<FileService> files;
    private final Optional<ApprovalService> approvals;
    private final Optional<RequestService> requests;
    private final Optional<io.clientworkspace.project.ProjectService> projects;
    private final Optional<io.clientworkspace.project.TaskService> tasks;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ReadMarkerStore markers;

    ConversationService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, Optional<FileService> files,
                        Optional<ApprovalService> approvals, Optional<RequestService> requests,
                        Optional<io.clientworkspace.project.ProjectService> projects,
                        Optional<io.clientworkspace.project.TaskService> tasks) {
        this.projects = requireNonNull(projects, "projects must not be null");
        this.tasks = requireNonNull(tasks, "tasks must not be null");
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.files = requireNonNull(files, "files must not be null");
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        this.requests = requireNonNull(requests, "requests must not be null");
        this.conversations = kernel.stores().require(ConversationStore.class);
        this.messages = kernel.stores().require(MessageStore.class);
        this.markers = kernel.stores().require(ReadMarkerStore.class);
    }

    // ------------------------------------------------------------------------------------------ conversations

    /**
     * The workspace's General conversation, created on first use (by anyone who may see the workspace).
     *
     * @throws io.clientworkspace.ArchivedException if it does not exist yet and the workspace is archived
     */
    public Conversation general(Actor actor, WorkspaceId workspaceId) {
        AccessGrant grant = readable(actor, workspaceId);
        Conversation general = conversations.findGeneral(actor.tenantId(), workspaceId)
                .orElseGet(() -> created(() -> createGeneral(actor, workspaceId),
                        () -> conversations.findGeneral(actor.tenantId(), workspaceId)));
        return shown(grant, general);
    }

    /**
     * Starts a named topic. A {@link Visibility#TEAM} topic is an internal conversation (needs
     * {@link Permission#POST_INTERNAL_NOTES}); a client-visible one needs {@link Permission#POST_MESSAGES}.
     *
     * @param title 1 to 200 characters (field {@code title})
     */
    public Conversation startTopic(Actor actor, WorkspaceId workspaceId, String title, Visibility visibility) {
        requireNonNull(visibility, "visibility must not be null");
        String text = InputValidator.requireText("title", title, 200);
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, postPermission(visibility), "start conversations");
            return start(actor, workspaceId, ConversationKind.TOPIC, Optional.empty(), text, visibility, changes);
        });
    }

    /**
     * The conversation about an item, created on first use (get-or-create). The actor must see the item: a
     * file or an approval is looked up through the files and approvals features, and one the actor may not see
     * answers {@link NotFoundException} as an unknown id does; the conversation takes the item's visibility (an
     * internal file's conversation is internal). A request is looked up through the requests feature the same
     * way (a request of another workspace, or an unknown id: {@link NotFoundException}); its conversation is
     * client-visible, was opened with the request (see {@link #forRequest}) and dates from its submission. An item
     * whose feature is unavailable is checked only for the shape of its id, and its conversation is
     * client-visible. Creating needs the permission to post at that visibility.
     */
    public Conversation forItem(Actor actor, WorkspaceId workspaceId, ItemRef item) {
        return openItem(actor, workspaceId, item).conversation();
    }

    /**
     * The conversation about an item, and whether this call created it.
     *
     * @param conversation the conversation, as {@link ConversationService#forItem} answers it
     * @param created      whether this call created it: of concurrent first uses exactly one answers {@code true}
     */
    public record ItemConversation(Conversation conversation, boolean created) {

        public ItemConversation {
            requireNonNull(conversation, "conversation must not be null");
        }
    }

    /**
     * {@link #forItem}, also telling whether this call created the conversation (of concurrent first uses of one
     * item exactly one did; the others, like every later use, answer {@code created == false}). Same checks and
     * exceptions as {@link #forItem}.
     */
    public ItemConversation openItem(Actor actor, WorkspaceId workspaceId, ItemRef item) {
        requireNonNull(item, "item must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        boolean[] made = {false};
        if (item.type() == ItemType.REQUEST && requests.isPresent()) {
            Conversation conversation = requestConversation(actor, workspaceId, item, made);
            return new ItemConversation(shown(grant, conversation), made[0]);
        }
        Visibility visibility = itemVisibility(actor, workspaceId, item);
        Optional<Conversation> existing = conversations.findForItem(actor.tenantId(), workspaceId, item);
        if (existing.isPresent()) {
            return new ItemConversation(shown(grant, visible(grant, existing.get(), item.id())), false);
        }
        Conversation created = created(() -> kernel.write(changes -> {
            made[0] = false;
            access.requireWritable(actor, workspaceId, postPermission(visibility), "start conversations");
            Optional<Conversation> raced = conversations.findForItem(actor.tenantId(), workspaceId, item);
            if (raced.isPresent()) {
                return raced.get();
            }
            String title = item.type().name().charAt(0) + item.type().name().substring(1).toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " " + item.id();
            Conversation started = start(actor, workspaceId, ConversationKind.ITEM, Optional.of(item),
                    title.length() > 200 ? title.substring(0, 200) : title, visibility, changes);
            made[0] = true;
            return started;
        }), () -> {
            made[0] = false;
            return conversations.findForItem(actor.tenantId(), workspaceId, item);
        });
        return new ItemConversation(shown(grant, visible(grant, created, item.id())), made[0]);
    }

    /**
     * The request's own conversation ({@code forItem} with {@link ItemType#REQUEST}): client-visible, titled
     * with the request's title, created by its submitter at its submission, in the same unit of work (requests
     * submitted before this feature was installed get it on first use, with the same attributes, so it never
     * tells anyone who opened it first). Everyone who sees the request sees it; clients see its client-visible
     * messages, never its internal notes. A client-visible message of the team in it records the request's first
     * response, and a client's message while the request is WAITING_ON_CLIENT moves the request to IN_PROGRESS.
     *
     * @throws NotFoundException if the request does not exist in the workspace, or the actor may not see it
     */
    public Conversation forRequest(Actor actor, WorkspaceId workspaceId, RequestId requestId) {
        requireNonNull(requestId, "requestId must not be null");
        return forItem(actor, workspaceId, new ItemRef(ItemType.REQUEST, requestId.value()));
    }

    /**
     * The conversation about an item, if it was started and the actor may see both the item and the conversation;
     * never creates one (see {@link #forItem}). An item the actor may not see answers empty, exactly as an item
     * without a conversation does.
     */
    public Optional<Conversation> findForItem(Actor actor, WorkspaceId workspaceId, ItemRef item) {
        requireNonNull(item, "item must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        try {
            itemVisibility(actor, workspaceId, item);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return conversations.findForItem(actor.tenantId(), workspaceId, item)
                .filter(c -> canSee(grant, c.visibility())).map(c -> shown(grant, c));
    }

    /** The conversation, if the actor may see it. */
    public Optional<Conversation> find(Actor actor, WorkspaceId workspaceId, ConversationId conversationId) {
        requireNonNull(conversationId, "conversationId must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        return conversations.find(actor.tenantId(), workspaceId, conversationId)
                .filter(c -> canSee(grant, c.visibility())).map(c -> shown(grant, c));
    }

    /** The conversation, or {@link NotFoundException}. */
    public Conversation get(Actor actor, WorkspaceId workspaceId, ConversationId conversationId) {
        return find(actor, workspaceId, conversationId)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId.value()));
    }

    /**
     * The conversations the actor may see, most recently active first (by the last message the actor may see,
     * else the creation), keyset-paged. The General conversation is created first if it does not exist yet
     * (unless the workspace is archived).
     */
    public Page<Conversation> list(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        requireNonNull(page, "page must not be null");
        Workspace workspace = access.visible(actor, workspaceId);
        AccessGrant grant = access.grant(actor, workspaceId);
        Optional<ConversationStore.Position> after = Cursors.decode(CONVERSATIONS, page.cursor())
                .map(ConversationService::position);
        if (!workspace.isArchived() && conversations.findGeneral(actor.tenantId(), workspaceId).isEmpty()) {
            created(() -> createGeneral(actor, workspaceId), () -> conversations.findGeneral(actor.tenantId(), workspaceId));
        }
        boolean internal = grant.allows(Permission.VIEW_INTERNAL);
        List<Conversation> rows = conversations.list(actor.tenantId(), workspaceId, internal, after, page.limit() + 1)
                .stream().map(c -> shown(grant, c)).toList();
        return Cursors.page(rows, page.limit(), c -> Cursors.encode(CONVERSATIONS,
                (internal ? c.activityAt() : c.clientActivityAt()) + "|" + c.id().value()));
    }

    // ------------------------------------------------------------------------------------------ messages

    /**
     * Posts a message. In an internal conversation the message is always an internal note. Checks: the body
     * (field {@code body}: 1 to 10,000 characters after trimming, no control characters except newline and
     * tab); at most 20 attachments ({@code attachments}), each an active file of the workspace the actor sees
     * and, for a client-visible message, a client-visible file ({@code attachments[i]}); at most 50 mentions
     * ({@code mentions}), each a member who can see the message ({@code mentions[i]}). Publishes
     * {@link MessageEvent.MessagePosted} and one {@link MessageEvent.MemberMentioned} per mentioned member.
     */
    public Message post(Actor actor, WorkspaceId workspaceId, ConversationId conversationId, NewMessage message) {
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(message, "message must not be null");
        String body = requireBody(message.body());
        if (message.attachments().size() > MAX_ATTACHMENTS) {
            throw new ValidationException(FieldError.of("attachments", "at most " + MAX_ATTACHMENTS + " attachments"));
        }
        if (message.mentions().size() > MAX_MENTIONS) {
            throw new ValidationException(FieldError.of("mentions", "at most " + MAX_MENTIONS + " mentions"));
        }
        return kernel.write(changes -> {
            AccessGrant grant = readable(actor, workspaceId);
            Conversation conversation = conversations.find(actor.tenantId(), workspaceId, conversationId)
                    .filter(c -> canSee(grant, c.visibility()))
                    .orElseThrow(() -> new NotFoundException("conversation", conversationId.value()));
            Visibility visibility = conversation.visibility() == Visibility.TEAM ? Visibility.TEAM : message.visibility();
            access.requireWritable(actor, workspaceId, postPermission(visibility),
                    visibility == Visibility.TEAM ? "post internal notes" : "post messages");
            checkAttachments(actor, workspaceId, message.attachments(), visibility);
            Set<UserId> mentions = checkMentions(actor, workspaceId, message.mentions(), visibility);
            // Under the workspace row lock taken by requireWritable: no other post of this workspace, on any node,
            // runs between reading the latest id and inserting, so ids increase in commit order per conversation.
            MessageId id = MessageId.of(OrderedIds.above(messages.listNewestFirst(actor.tenantId(), workspaceId,
                    conversationId, true, Optional.empty(), 1).stream().findFirst().map(m -> m.id().value()),
                    kernel.newId()));
            Message stored = messages.insert(new Message(id, conversationId, actor.tenantId(),
                    workspaceId, actor.userId(), actor.kind(), body, visibility, message.attachments(), mentions,
                    changes.now(), Optional.empty(), Optional.empty(), Optional.empty(), 0));
            conversations.recordMessage(actor.tenantId(), workspaceId, conversationId, changes.now(), visibility);
            changes.publish(new MessageEvent.MessagePosted(actor.tenantId(), workspaceId, conversationId, stored.id(),
                    visibility, actor, changes.now()));
            for (UserId mentioned : mentions) {
                changes.publish(new MessageEvent.MemberMentioned(actor.tenantId(), workspaceId, conversationId,
                        stored.id(), mentioned, visibility, actor, changes.now()));
            }
            // after the message's own events: the request's change follows from the message
            if (requests.isPresent() && conversation.item().filter(i -> i.type() == ItemType.REQUEST).isPresent()) {
                requests.get().messagePosted(actor, workspaceId, RequestId.of(conversation.item().get().id()),
                        visibility == Visibility.CLIENT, changes);
            }
            return stored;
        });
    }

    /**
     * Replaces the body of the actor's own message, keeping the previous body as a {@link MessageRevision}.
     *
     * @throws AccessDeniedException if the actor is not the author
     * @throws ConflictException     {@code STALE_VERSION} if the message is not at {@code expectedVersion}
     *                               (of two concurrent edits at the same version exactly one wins);
     *                               {@code INVALID_STATE} if it was deleted
     */
    public Message edit(Actor actor, WorkspaceId workspaceId, MessageId messageId, String body, long expectedVersion) {
        requireNonNull(messageId, "messageId must not be null");
        String text = requireBody(body);
        return kernel.write(changes -> {
            AccessGrant grant = readable(actor, workspaceId);
            Message current = visibleMessageForUpdate(actor, workspaceId, messageId, grant);
            if (!current.authorId().equals(actor.userId())) {
                throw new AccessDeniedException(actor, "being the author", "edit someone else's message");
            }
            access.requireWritable(actor, workspaceId, postPermission(current.visibility()), "edit messages");
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("message", messageId.value(), expectedVersion);
            }
            requireNotDeleted(current);
            int revision = messages.revisions(actor.tenantId(), workspaceId, messageId).size() + 1;
            messages.appendRevision(actor.tenantId(), workspaceId,
                    new MessageRevision(messageId, revision, current.body(), changes.now(), actor.userId()));
            Message edited = messages.update(current.edited(text, changes.now()));
            changes.publish(new MessageEvent.MessageEdited(actor.tenantId(), workspaceId, current.conversationId(),
                    messageId, revision, effectiveVisibility(current), actor, changes.now()));
            return edited;
        });
    }

    /**
     * Deletes a message, leaving a tombstone (empty body, who and when). The author may delete it, and so may
     * the workspace's leads and the tenant's admins.
     *
     * @throws ConflictException {@code STALE_VERSION} if the message is not at {@code expectedVersion};
     *                           {@code INVALID_STATE} if it was already deleted
     */
    public Message delete(Actor actor, WorkspaceId workspaceId, MessageId messageId, long expectedVersion) {
        requireNonNull(messageId, "messageId must not be null");
        return kernel.write(changes -> {
            AccessGrant grant = readable(actor, workspaceId);
            Message current = visibleMessageForUpdate(actor, workspaceId, messageId, grant);
            boolean moderator = grant.workspaceRole().filter(r -> r == WorkspaceRole.LEAD).isPresent()
                    || grant.tenantRole().filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
            if (!current.authorId().equals(actor.userId()) && !moderator) {
                throw new AccessDeniedException(actor, "being the author, a lead or a tenant admin",
                        "delete someone else's message");
            }
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "delete messages");
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("message", messageId.value(), expectedVersion);
            }
            requireNotDeleted(current);
            Message tombstone = messages.update(current.tombstone(actor.userId(), changes.now()));
            changes.publish(new MessageEvent.MessageDeleted(actor.tenantId(), workspaceId, current.conversationId(),
                    messageId, effectiveVisibility(current), actor, changes.now()));
            return tombstone;
        });
    }

    /** The message, if the actor may see it. */
    public Optional<Message> findMessage(Actor actor, WorkspaceId workspaceId, MessageId messageId) {
        requireNonNull(messageId, "messageId must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        return messages.find(actor.tenantId(), workspaceId, messageId).filter(m -> canSee(grant, m));
    }

    /** The conversation's messages the actor may see (tombstones included), newest first, keyset-paged by id. */
    public Page<Message> messages(Actor actor, WorkspaceId workspaceId, ConversationId conversationId, PageRequest page) {
        requireNonNull(page, "page must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        visibleConversation(actor, workspaceId, conversationId, grant);
        Optional<MessageId> before = Cursors.decode(MESSAGES, page.cursor()).map(ConversationService::messageId);
        List<Message> rows = messages.listNewestFirst(actor.tenantId(), workspaceId, conversationId,
                grant.allows(Permission.VIEW_INTERNAL), before, page.limit() + 1);
        return Cursors.page(rows, page.limit(), m -> Cursors.encode(MESSAGES, m.id().value()));
    }

    /**
     * For polling: up to {@code limit} (1 to 500) messages the actor may see posted after {@code after} (all
     * from the start without it), oldest first.
     */
    public List<Message> since(Actor actor, WorkspaceId workspaceId, ConversationId conversationId,
                               Optional<MessageId> after, int limit) {
        requireNonNull(after, "after must not be null");
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and " + PageRequest.MAX_LIMIT));
        }
        AccessGrant grant = readable(actor, workspaceId);
        visibleConversation(actor, workspaceId, conversationId, grant);
        return messages.listOldestFirst(actor.tenantId(), workspaceId, conversationId,
                grant.allows(Permission.VIEW_INTERNAL), after, limit);
    }

    /** The previous bodies of a message, oldest first; team members who see internal items only. */
    public List<MessageRevision> revisions(Actor actor, WorkspaceId workspaceId, MessageId messageId) {
        requireNonNull(messageId, "messageId must not be null");
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "read message history");
        if (messages.find(actor.tenantId(), workspaceId, messageId).isEmpty()) {
            throw new NotFoundException("message", messageId.value());
        }
        return messages.revisions(actor.tenantId(), workspaceId, messageId);
    }

    // ------------------------------------------------------------------------------------------ read markers

    /**
     * Marks the conversation read up to and including {@code messageId}, a message of it the actor may see.
     * The marker only moves forward, also under concurrent marks (on every node): marking an older message
     * leaves it where it is.
     *
     * @return the actor's marker after the call
     */
    public ReadMarker markRead(Actor actor, WorkspaceId workspaceId, ConversationId conversationId, MessageId messageId) {
        requireNonNull(messageId, "messageId must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        visibleConversation(actor, workspaceId, conversationId, grant);
        if (messages.find(actor.tenantId(), workspaceId, messageId)
                .filter(m -> m.conversationId().equals(conversationId) && canSee(grant, m)).isEmpty()) {
            throw new NotFoundException("message", messageId.value());
        }
        return kernel.write(changes -> {
            Optional<ReadMarker> current = markers.find(actor.tenantId(), workspaceId, actor.userId(), conversationId);
            if (current.isPresent() && current.get().lastRead().compareTo(messageId) >= 0) {
                return current.get();
            }
            // The store writes only forward, atomically: a concurrent mark of a later message always wins.
            return markers.save(new ReadMarker(actor.tenantId(), workspaceId, actor.userId(), conversationId, messageId,
                    changes.now()));
        });
    }

    /** How many messages of the conversation the actor may see, has not read and did not write (deleted ones excluded). */
    public long unread(Actor actor, WorkspaceId workspaceId, ConversationId conversationId) {
        AccessGrant grant = readable(actor, workspaceId);
        visibleConversation(actor, workspaceId, conversationId, grant);
        return messages.countUnread(actor.tenantId(), actor.userId(),
                Map.of(workspaceId, grant.allows(Permission.VIEW_INTERNAL)), Optional.of(conversationId))
                .getOrDefault(workspaceId, 0L);
    }

    /** {@link #unread} summed over every conversation of the workspace the actor may see. */
    public long unreadInWorkspace(Actor actor, WorkspaceId workspaceId) {
        AccessGrant grant = readable(actor, workspaceId);
        return messages.countUnread(actor.tenantId(), actor.userId(),
                Map.of(workspaceId, grant.allows(Permission.VIEW_INTERNAL)), Optional.empty())
                .getOrDefault(workspaceId, 0L);
    }

    /**
     * The actor's unread counts in every workspace it is a member of (one count call to the store), by
     * workspace, each as {@link #unreadInWorkspace} would answer; workspaces with nothing unread are included
     * with 0. Workspaces a tenant admin sees without being a member are not included.
     */
    public Map<WorkspaceId, Long> unreadAcrossWorkspaces(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        // One bounded set of queries for the memberships, not a permission lookup per workspace.
        Map<WorkspaceId, Boolean> internal = new LinkedHashMap<>();
        access.memberGrants(actor).forEach((id, grant) -> {
            if (grant.canView()) {
                internal.put(id, grant.allows(Permission.VIEW_INTERNAL));
            }
        });
        if (internal.isEmpty()) {
            return Map.of();
        }
        return messages.countUnread(actor.tenantId(), actor.userId(), internal, Optional.empty());
    }

    // ------------------------------------------------------------------------------------------ internals

    /**
     * A request was submitted (a {@code RequestLifecycleHook} contributed by {@link ConversationFeature}, inside the
     * submission's unit of work): opens its conversation. No event of its own: {@code request.submitted} records it.
     */
    void requestSubmitted(ClientRequest request) {
        ItemRef item = new ItemRef(ItemType.REQUEST, request.id().value());
        if (conversations.findForItem(request.tenantId(), request.workspaceId(), item).isEmpty()) {
            conversations.insert(requestConversation(request, item));
        }
    }

    private Conversation requestConversation(Actor actor, WorkspaceId workspaceId, ItemRef item, boolean[] made) {
        ClientRequest request = requestOf(actor, workspaceId, item.id())
                .orElseThrow(() -> new NotFoundException("request", item.id()));
        Optional<Conversation> existing = conversations.findForItem(actor.tenantId(), workspaceId, item);
        if (existing.isPresent()) {
            return existing.get();
        }
        return created(() -> kernel.write(changes -> {
            made[0] = false;
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "open the request's conversation");
            Optional<Conversation> raced = conversations.findForItem(actor.tenantId(), workspaceId, item);
            if (raced.isPresent()) {
                return raced.get();
            }
            Conversation inserted = conversations.insert(requestConversation(request, item));
            made[0] = true;
            return inserted;
        }), () -> {
            made[0] = false;
            return conversations.findForItem(actor.tenantId(), workspaceId, item);
        });
    }

    private Conversation requestConversation(ClientRequest request, ItemRef item) {
        return new Conversation(ConversationId.of(kernel.newId()), request.tenantId(), request.workspaceId(),
                ConversationKind.ITEM, Optional.of(item), request.title(), Visibility.CLIENT, request.submittedBy(),
                request.submittedAt(), Optional.empty(), Optional.empty(), 0);
    }

    private Optional<ClientRequest> requestOf(Actor actor, WorkspaceId workspaceId, String id) {
        RequestId requestId;
        try {
            requestId = RequestId.of(id);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return requests.flatMap(r -> r.find(actor, workspaceId, requestId));
    }

    /**
     * Runs a get-or-create; if it lost a race to create (the store refused a second General or item conversation:
     * {@code ALREADY_EXISTS}, its unit of work rolled back), answers the winner's conversation, read afresh.
     */
    private static Conversation created(java.util.function.Supplier<Conversation> create,
                                        java.util.function.Supplier<Optional<Conversation>> reread) {
        try {
            return create.get();
        } catch (ConflictException e) {
            if (e.reason() != ConflictException.Reason.ALREADY_EXISTS) {
                throw e;
            }
            return reread.get().orElseThrow(() -> e);
        }
    }

    /**
     * A file's visibility changed (a {@code FileLifecycleHook} contributed by {@link ConversationFeature}, inside the
     * files' unit of work): its conversation, if any, and the conversation of every approval about the file (any
     * version; clients see such an approval exactly when they see the file) take the new visibility. Their messages
     * keep theirs, but a message of an internal conversation is hidden from clients wherever it is read or counted.
     */
    void fileVisibilityChanged(FileAsset after) {
        List<ItemRef> items = new ArrayList<>();
        items.add(new ItemRef(ItemType.FILE, after.id().value()));
        if (approvals.isPresent()) {
            kernel.stores().require(ApprovalStore.class)
                    .listForFile(after.tenantId(), after.workspaceId(), after.id(), Integer.MAX_VALUE)
                    .forEach(r -> items.add(new ItemRef(ItemType.APPROVAL, r.id().value())));
        }
        for (ItemRef item : items) {
            conversations.findForItem(after.tenantId(), after.workspaceId(), item)
                    .filter(c -> c.visibility() != after.visibility())
                    .ifPresent(c -> conversations.update(c.withVisibility(after.visibility())));
        }
    }

    /**
     * A task's or a project's visibility changed, or a task was deleted (a {@code ProjectLifecycleHook} contributed
     * by {@link ConversationFeature}, inside the projects' unit of work): the conversations about the given items
     * take the items' effective visibility now, as the acting team member sees it (an item the actor cannot see,
     * or that no longer exists, is team-only: the actor sees every client-visible item). For a project, every
     * task and status-update conversation of the workspace is checked, a page of
     * {@value PageRequest#MAX_LIMIT} at a time (a rare change; its cost grows with the workspace's item
     * conversations, not with its tasks). Their messages keep their own visibility.
     */
    void projectItemsChanged(Actor actor, WorkspaceId workspaceId, Optional<ItemRef> only) {
        if (only.isPresent()) {
            follow(actor, workspaceId, only.get());
            return;
        }
        Optional<ConversationStore.Position> after = Optional.empty();
        while (true) {
            List<Conversation> page = conversations.list(actor.tenantId(), workspaceId, true, after,
                    PageRequest.MAX_LIMIT);
            for (Conversation c : page) {
                c.item().filter(i -> i.type() == ItemType.TASK || i.type() == ItemType.STATUS_UPDATE)
                        .ifPresent(i -> follow(actor, workspaceId, i));
            }
            if (page.size() < PageRequest.MAX_LIMIT) {
                return;
            }
            Conversation last = page.get(page.size() - 1);
            after = Optional.of(new ConversationStore.Position(last.activityAt(), last.id()));
        }
    }

    private void follow(Actor actor, WorkspaceId workspaceId, ItemRef item) {
        Visibility now;
        try {
            now = itemVisibility(actor, workspaceId, item);
        } catch (NotFoundException e) {
            now = Visibility.TEAM;
        }
        Visibility visibility = now;
        conversations.findForItem(actor.tenantId(), workspaceId, item)
                .filter(c -> c.visibility() != visibility)
                .ifPresent(c -> conversations.update(c.withVisibility(visibility)));
    }

    private Conversation createGeneral(Actor actor, WorkspaceId workspaceId) {
        return kernel.write(changes -> {
            Workspace workspace = access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE,
                    "open the General conversation");
            Optional<Conversation> raced = conversations.findGeneral(actor.tenantId(), workspaceId);
            if (raced.isPresent()) {
                return raced.get();
            }
            Conversation general = conversations.insert(new Conversation(ConversationId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, ConversationKind.GENERAL, Optional.empty(), Conversation.GENERAL_TITLE,
                    Visibility.CLIENT, GENERAL_CREATOR, workspace.createdAt(), Optional.empty(), Optional.empty(), 0));
            // Team-only: who opened General first, and when, must not tell a client whether the team used it.
            changes.publish(new MessageEvent.ConversationStarted(actor.tenantId(), workspaceId, general.id(),
                    ConversationKind.GENERAL, general.title(), Optional.empty(), Visibility.TEAM, actor, changes.now()));
            return general;
        });
    }

    private Conversation start(Actor actor, WorkspaceId workspaceId, ConversationKind kind, Optional<ItemRef> item,
                               String title, Visibility visibility, Changes changes) {
        Conversation stored = conversations.insert(new Conversation(ConversationId.of(kernel.newId()), actor.tenantId(),
                workspaceId, kind, item, title, visibility, actor.userId(), changes.now(), Optional.empty(),
                Optional.empty(), 0));
        changes.publish(new MessageEvent.ConversationStarted(actor.tenantId(), workspaceId, stored.id(), kind, title,
                item, visibility, actor, changes.now()));
        return stored;
    }

    private Visibility itemVisibility(Actor actor, WorkspaceId workspaceId, ItemRef item) {
        switch (item.type()) {
            case FILE -> {
                if (files.isPresent()) {
                    FileAsset file = files.get().find(actor, workspaceId, FileId.of(item.id()))
                            .filter(f -> f.status() == FileStatus.ACTIVE)
                            .orElseThrow(() -> new NotFoundException("file", item.id()));
                    return file.visibility();
                }
            }
            case APPROVAL -> {
                if (approvals.isPresent()) {
                    var request = approvals.get().find(actor, workspaceId, ApprovalId.of(item.id()))
                            .orElseThrow(() -> new NotFoundException("approval", item.id()));
                    if (request.subject() instanceof ApprovalSubject.FileVersionSubject s && files.isPresent()) {
                        return files.get().find(actor, workspaceId, s.fileId()).map(FileAsset::visibility)
                                .orElse(Visibility.TEAM);
                    }
                    return Visibility.CLIENT;
                }
            }
            case REQUEST -> {
                return Visibility.CLIENT;
            }
            case TASK -> {
                // Without the projects feature there are no tasks: answer like an unknown one.
                return tasks.flatMap(t -> t.effectiveVisibility(actor, workspaceId, io.clientworkspace.TaskId.of(item.id())))
                        .orElseThrow(() -> new NotFoundException("task", item.id()));
            }
            case STATUS_UPDATE -> {
                return projects.flatMap(p -> p.effectiveVisibility(actor, workspaceId,
                                io.clientworkspace.StatusUpdateId.of(item.id())))
                        .orElseThrow(() -> new NotFoundException("status-update", item.id()));
            }
        }
        return Visibility.CLIENT;
    }

    private void checkAttachments(Actor actor, WorkspaceId workspaceId, List<FileId> attachments, Visibility visibility) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            String field = "attachments[" + i + "]";
            if (files.isEmpty()) {
                errors.add(FieldError.of(field, "files are unavailable, so nothing can be attached"));
                continue;
            }
            Optional<FileAsset> file = files.get().find(actor, workspaceId, attachments.get(i))
                    .filter(f -> f.status() == FileStatus.ACTIVE);
            if (file.isEmpty()) {
                errors.add(FieldError.of(field, "no such file"));
            } else if (visibility == Visibility.CLIENT && file.get().visibility() == Visibility.TEAM) {
                errors.add(FieldError.of(field, "is internal and cannot be attached to a client-visible message"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Set<UserId> checkMentions(Actor actor, WorkspaceId workspaceId, List<UserId> mentions, Visibility visibility) {
        List<FieldError> errors = new ArrayList<>();
        Set<UserId> result = new LinkedHashSet<>();
        for (int i = 0; i < mentions.size(); i++) {
            UserId user = mentions.get(i);
            Optional<Membership> member = kernel.stores().memberships().find(actor.tenantId(), workspaceId, user);
            boolean sees = member.map(m -> {
                AccessGrant grant = authorizer.grant(new Actor(m.tenantId(), m.userId(), m.role().kind()), workspaceId);
                return canSee(grant, visibility);
            }).orElse(false);
            if (!sees) {
                errors.add(FieldError.of("mentions[" + i + "]", "cannot see this conversation"));
            } else {
                result.add(user);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return result;
    }

    private Message visibleMessageForUpdate(Actor actor, WorkspaceId workspaceId, MessageId messageId, AccessGrant grant) {
        return messages.findForUpdate(actor.tenantId(), workspaceId, messageId)
                .filter(m -> canSee(grant, m))
                .orElseThrow(() -> new NotFoundException("message", messageId.value()));
    }

    private Conversation visibleConversation(Actor actor, WorkspaceId workspaceId, ConversationId conversationId,
                                             AccessGrant grant) {
        requireNonNull(conversationId, "conversationId must not be null");
        return conversations.find(actor.tenantId(), workspaceId, conversationId)
                .filter(c -> canSee(grant, c.visibility()))
                .orElseThrow(() -> new NotFoundException("conversation", conversationId.value()));
    }

    private static Conversation visible(AccessGrant grant, Conversation c, String itemId) {
        if (!canSee(grant, c.visibility())) {
            throw new NotFoundException("conversation", itemId);
        }
        return c;
    }

    private static Conversation shown(AccessGrant grant, Conversation c) {
        return grant.allows(Permission.VIEW_INTERNAL) ? c : c.asSeenByClient();
    }

    /**
     * Who may see the message now: {@link Visibility#TEAM} if it or its conversation is internal (an item's
     * conversation may have turned internal after the message was posted), else {@link Visibility#CLIENT}. Events
     * about an existing message carry this, so a client's activity never names a message of an internal conversation.
     */
    private Visibility effectiveVisibility(Message m) {
        if (m.visibility() == Visibility.TEAM) {
            return Visibility.TEAM;
        }
        return conversations.find(m.tenantId(), m.workspaceId(), m.conversationId())
                .filter(c -> c.visibility() == Visibility.CLIENT).isPresent() ? Visibility.CLIENT : Visibility.TEAM;
    }

    /** Whether the grant sees the message: its own visibility and its conversation's (an item's may turn internal). */
    private boolean canSee(AccessGrant grant, Message m) {
        return canSee(grant, m.visibility()) && (grant.allows(Permission.VIEW_INTERNAL)
                || conversations.find(m.tenantId(), m.workspaceId(), m.conversationId())
                .filter(c -> c.visibility() == Visibility.CLIENT).isPresent());
    }

    private static boolean canSee(AccessGrant grant, Visibility visibility) {
        return grant.canView() && (visibility == Visibility.CLIENT || grant.allows(Permission.VIEW_INTERNAL));
    }

    private static Permission postPermission(Visibility visibility) {
        return visibility == Visibility.TEAM ? Permission.POST_INTERNAL_NOTES : Permission.POST_MESSAGES;
    }

    private AccessGrant readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId);
    }

    private static void requireNotDeleted(Message m) {
        if (m.deleted()) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Message '" + m.id() + "' was deleted");
        }
    }

    /** The body as stored: CRLF as LF, trimmed, 1 to 10,000 characters, no control characters but newline and tab. */
    static String requireBody(String body) {
        requireNonNull(body, "body must not be null");
        String text = body.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new ValidationException(FieldError.of("body", "must not be blank"));
        }
        if (text.length() > MAX_BODY) {
            throw new ValidationException(FieldError.of("body", "size must be between 1 and " + MAX_BODY));
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ValidationException(FieldError.of("body", "must not contain control characters other than newline and tab"));
        }
        return text;
    }

    private static ConversationStore.Position position(String key) {
        int bar = key.indexOf('|');
        if (bar < 0) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
        }
        try {
            return new ConversationStore.Position(Instant.parse(key.substring(0, bar)),
                    ConversationId.of(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
        }
    }

    private static MessageId messageId(String key) {
        try {
            return MessageId.of(key);
        } catch (RuntimeException e) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
        }
    }
}
