package io.clientworkspace.examples.portal.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.MessageId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.web.MessageViews.AttachmentView;
import io.clientworkspace.examples.portal.web.MessageViews.Choice;
import io.clientworkspace.examples.portal.web.MessageViews.ConversationRow;
import io.clientworkspace.examples.portal.web.MessageViews.MessageView;
import io.clientworkspace.examples.portal.web.MessageViews.RevisionView;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Messages tab of a workspace: its conversations (General, topics, item threads) with the signed-in user's
 * unread counts, a thread page (newest message last, older ones a page at a time, new ones fetched every few
 * seconds by {@code /js/messages.js}), the composer (with the internal-note toggle for team members who may post
 * notes, mentions of members who can see the thread, attachments of files the user sees), edit and delete.
 *
 * <p>Everything goes through {@code kit.conversations()} as the signed-in actor, and the kit decides: an
 * internal conversation's URL answers a client the same 404 page as an id that does not exist, a viewer's or a
 * client's forged post of an internal note gets the 403 page, and a refused post changes nothing. Message bodies
 * are plain text, shown through {@code th:text} (see {@link MessageViews#segments}).
 */
@Controller
public class MessagesController {

    /** Messages per page of a thread. */
    static final int THREAD_PAGE = 30;
    /** Conversations per page of the list. */
    static final int LIST_PAGE = 50;
    /** The most new messages one poll returns. */
    static final int POLL_LIMIT = 100;
    /** How many files the composer offers to attach. */
    static final int ATTACHABLE = 100;

    private static final Pattern INDEXED = Pattern.compile("(mentions|attachments)\\[(\\d+)]");

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final Clock clock = Clock.systemUTC();

    public MessagesController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    // ---------------------------------------------------------------------------------------------- pages

    /** The conversations the user may see, most recently active first, each with its unread count. */
    @GetMapping("/workspaces/{slug}/messages")
    public String list(Actor actor, @PathVariable String slug, @RequestParam(required = false) String after, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        PageRequest request = after == null || after.isBlank() ? PageRequest.first(LIST_PAGE)
                : PageRequest.after(after, LIST_PAGE);
        Page<Conversation> page = kit.conversations().list(actor, workspace.id(), request);
        Instant now = clock.instant();
        Map<FileId, String> fileNames = new HashMap<>();
        List<ConversationRow> rows = page.items().stream().map(c -> new ConversationRow(c.id().value(),
                title(actor, workspace, c, fileNames), c.kind().name(), kindLabel(c.kind()),
                c.visibility() == Visibility.TEAM, kit.conversations().unread(actor, workspace.id(), c.id()),
                Labels.ago(c.activityAt(), now), Labels.exact(c.activityAt()))).toList();
        boolean writable = !workspace.isArchived();
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("conversations", rows);
        model.addAttribute("nextCursor", page.nextCursor().orElse(null));
        model.addAttribute("canStartTopic", writable
                && (grant.allows(Permission.POST_MESSAGES) || grant.allows(Permission.POST_INTERNAL_NOTES)));
        model.addAttribute("canStartInternal", writable && grant.allows(Permission.POST_INTERNAL_NOTES));
        model.addAttribute("canStartClient", writable && grant.allows(Permission.POST_MESSAGES));
        return "messages";
    }

    /**
     * One thread: a page of messages (the newest, or those before {@code before}), newest last. Opening the
     * newest page marks the thread read up to its newest message.
     */
    @GetMapping("/workspaces/{slug}/messages/{conversationId}")
    public String thread(Actor actor, @PathVariable String slug, @PathVariable String conversationId,
                         @RequestParam(required = false) String before, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        Conversation conversation = kit.conversations().get(actor, workspace.id(), conversationId(conversationId));
        boolean latest = before == null || before.isBlank();
        Page<Message> page = kit.conversations().messages(actor, workspace.id(), conversation.id(),
                latest ? PageRequest.first(THREAD_PAGE) : PageRequest.after(before, THREAD_PAGE));
        List<Message> oldestFirst = new ArrayList<>(page.items());
        java.util.Collections.reverse(oldestFirst);
        if (latest && !oldestFirst.isEmpty()) {
            kit.conversations().markRead(actor, workspace.id(), conversation.id(), oldestFirst.get(oldestFirst.size() - 1).id());
        }
        boolean writable = !workspace.isArchived();
        boolean internalConversation = conversation.visibility() == Visibility.TEAM;
        boolean canPost = writable && grant.allows(internalConversation ? Permission.POST_INTERNAL_NOTES : Permission.POST_MESSAGES);
        boolean canNote = writable && !internalConversation && grant.allows(Permission.POST_INTERNAL_NOTES);

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("conversation", conversation);
        model.addAttribute("conversationTitle", title(actor, workspace, conversation, new HashMap<>()));
        model.addAttribute("kindLabel", kindLabel(conversation.kind()));
        model.addAttribute("internalConversation", internalConversation);
        model.addAttribute("messages", views(actor, workspace, grant, oldestFirst));
        model.addAttribute("olderCursor", page.nextCursor().orElse(null));
        model.addAttribute("latest", latest);
        model.addAttribute("lastId", latest && !oldestFirst.isEmpty() ? oldestFirst.get(oldestFirst.size() - 1).id().value() : "");
        model.addAttribute("canPost", canPost || canNote);
        model.addAttribute("canPostClient", canPost && !internalConversation);
        model.addAttribute("canNote", canNote);
        model.addAttribute("mentionable", canPost || canNote ? mentionable(actor, workspace, internalConversation) : List.of());
        model.addAttribute("attachable", canPost || canNote ? attachable(actor, workspace) : List.of());
        model.addAttribute("itemLink", itemLink(workspace, conversation));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", "");
        }
        return "thread";
    }

    /**
     * For live updates: the messages posted after {@code after} (a message id of this thread), rendered as list
     * items, oldest first; marks them read. {@code /js/messages.js} calls it every few seconds.
     */
    @GetMapping("/workspaces/{slug}/messages/{conversationId}/new")
    public String newMessages(Actor actor, @PathVariable String slug, @PathVariable String conversationId,
                              @RequestParam(required = false) String after, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        ConversationId id = conversationId(conversationId);
        Optional<MessageId> marker = after == null || after.isBlank() ? Optional.empty() : Optional.of(messageId(after));
        List<Message> fresh = kit.conversations().since(actor, workspace.id(), id, marker, POLL_LIMIT);
        if (!fresh.isEmpty()) {
            kit.conversations().markRead(actor, workspace.id(), id, fresh.get(fresh.size() - 1).id());
        }
        model.addAttribute("workspace", workspace);
        model.addAttribute("conversation", kit.conversations().get(actor, workspace.id(), id));
        model.addAttribute("messages", views(actor, workspace, grant, fresh));
        return "thread :: items";
    }

    // ---------------------------------------------------------------------------------------------- changes

    /** Starts a topic; the team chooses whether clients see it. */
    @PostMapping("/workspaces/{slug}/messages/topics")
    public String startTopic(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String title,
                             @RequestParam(defaultValue = "CLIENT") String visibility, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Conversation topic = kit.conversations().startTopic(actor, workspace.id(), title, visibility(visibility));
            redirect.addFlashAttribute("notice", "Started “" + topic.title() + "”"
                    + (topic.visibility() == Visibility.TEAM ? " (internal: only the team sees it)." : "."));
            return "redirect:" + threadUrl(workspace, topic.id().value());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The topic was not started: " + reasons(e, List.of(), List.of()));
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:/workspaces/" + workspace.slug() + "/messages#start-topic";
    }

    /** Opens the conversation about a file or an approval (started on first use) and goes to it. */
    @PostMapping("/workspaces/{slug}/messages/items")
    public String item(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String type,
                       @RequestParam(defaultValue = "") String id, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        ItemType itemType;
        try {
            itemType = ItemType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("type", "choose FILE, APPROVAL or REQUEST"));
        }
        try {
            Conversation conversation = kit.conversations().forItem(actor, workspace.id(), new ItemRef(itemType, id));
            return "redirect:" + threadUrl(workspace, conversation.id().value());
        } catch (AccessDeniedException | ArchivedException e) {
            // It does not exist yet and this user may not start it (a viewer, an archived workspace).
            redirect.addFlashAttribute("error", "Nobody has started a conversation about this yet.");
            return "redirect:" + switch (itemType) {
                case FILE -> "/workspaces/" + workspace.slug() + "/files/" + id;
                case APPROVAL -> "/workspaces/" + workspace.slug() + "/approvals/" + id;
                case REQUEST, TASK, STATUS_UPDATE -> "/workspaces/" + workspace.slug() + "/messages";
            };
        }
    }

    /**
     * Posts a message. {@code visibility=TEAM} posts an internal note (the kit refuses it, 403 page, to anyone
     * who may not post notes). Invalid input comes back to the composer with the reasons, the text kept.
     */
    @PostMapping("/workspaces/{slug}/messages/{conversationId}")
    public String post(Actor actor, @PathVariable String slug, @PathVariable String conversationId,
                       @RequestParam(defaultValue = "") String body,
                       @RequestParam(defaultValue = "CLIENT") String visibility,
                       @RequestParam(required = false) List<String> mentions,
                       @RequestParam(required = false) List<String> attachments, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        ConversationId id = conversationId(conversationId);
        List<String> mentioned = nonBlank(mentions);
        List<String> attached = nonBlank(attachments);
        try {
            Message posted = kit.conversations().post(actor, workspace.id(), id, new NewMessage(body, visibility(visibility),
                    attached.stream().map(FileId::of).toList(), mentioned.stream().map(UserId::of).toList()));
            redirect.addFlashAttribute("notice", posted.visibility() == Visibility.TEAM
                    ? "Internal note posted: only the team sees it." : "Message posted.");
            return "redirect:" + threadUrl(workspace, conversationId) + "#message-" + posted.id().value();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Your message was not posted: "
                    + reasons(e, mentioned.stream().map(m -> workspaces.nameOf(UserId.of(m))).toList(),
                    attached.stream().map(f -> fileName(actor, workspace, f)).toList()));
            redirect.addFlashAttribute("draft", body);
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:" + threadUrl(workspace, conversationId) + "#composer";
    }

    /** Replaces the body of the user's own message; the previous body stays in its history (team only). */
    @PostMapping("/workspaces/{slug}/messages/{conversationId}/{messageId}/edit")
    public String edit(Actor actor, @PathVariable String slug, @PathVariable String conversationId,
                       @PathVariable String messageId, @RequestParam(defaultValue = "") String body,
                       @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        MessageId id = messageOf(actor, workspace, conversationId, messageId);
        try {
            kit.conversations().edit(actor, workspace.id(), id, body, version);
            redirect.addFlashAttribute("notice", "Message edited.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Your edit was not saved: " + reasons(e, List.of(), List.of()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.reason() == ConflictException.Reason.STALE_VERSION
                    ? "Your edit was not saved: the message changed in the meantime. Here it is as it is now."
                    : "Your edit was not saved: the message was deleted.");
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:" + threadUrl(workspace, conversationId) + "#message-" + messageId;
    }

    /** Deletes a message, leaving "message deleted" in its place. */
    @PostMapping("/workspaces/{slug}/messages/{conversationId}/{messageId}/delete")
    public String delete(Actor actor, @PathVariable String slug, @PathVariable String conversationId,
                         @PathVariable String messageId, @RequestParam(defaultValue = "-1") long version,
                         RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        MessageId id = messageOf(actor, workspace, conversationId, messageId);
        try {
            kit.conversations().delete(actor, workspace.id(), id, version);
            redirect.addFlashAttribute("notice", "Message deleted.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.reason() == ConflictException.Reason.STALE_VERSION
                    ? "The message was not deleted: it changed in the meantime. Look again, then delete."
                    : "The message was deleted already.");
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:" + threadUrl(workspace, conversationId) + "#message-" + messageId;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The message, which must belong to this conversation as the actor sees it; else the 404 page. */
    private MessageId messageOf(Actor actor, Workspace workspace, String conversationId, String messageId) {
        MessageId id = messageId(messageId);
        ConversationId conversation = conversationId(conversationId);
        return kit.conversations().findMessage(actor, workspace.id(), id)
                .filter(m -> m.conversationId().equals(conversation)).map(Message::id)
                .orElseThrow(() -> new NotFoundException("message", messageId));
    }

    private List<MessageView> views(Actor actor, Workspace workspace, AccessGrant grant, List<Message> messages) {
        Instant now = clock.instant();
        boolean team = grant.allows(Permission.VIEW_INTERNAL);
        boolean moderator = grant.workspaceRole().filter(r -> r == WorkspaceRole.LEAD).isPresent()
                || grant.tenantRole().filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
        boolean writable = !workspace.isArchived();
        Map<FileId, String> names = new HashMap<>();
        List<MessageView> views = new ArrayList<>();
        for (Message m : messages) {
            boolean mine = m.authorId().equals(actor.userId());
            boolean internal = m.visibility() == Visibility.TEAM;
            List<RevisionView> revisions = team && m.editedAt().isPresent() && !m.deleted()
                    ? kit.conversations().revisions(actor, workspace.id(), m.id()).stream()
                            .map(r -> new RevisionView(r.revision(), Labels.exact(r.editedAt()), workspaces.nameOf(r.editedBy()),
                                    MessageViews.segments(r.body())))
                            .toList()
                    : List.of();
            List<AttachmentView> attachments = m.attachments().stream().map(f -> {
                String name = names.computeIfAbsent(f, id -> kit.files().find(actor, workspace.id(), id)
                        .map(FileAsset::name).orElse(""));
                return name.isEmpty() ? new AttachmentView("", "a file no longer available") : new AttachmentView(f.value(), name);
            }).toList();
            views.add(new MessageView(m.id().value(), workspaces.nameOf(m.authorId()), m.authorKind() == ActorKind.TEAM,
                    Labels.ago(m.createdAt(), now), Labels.exact(m.createdAt()), internal, m.deleted(),
                    m.deletedBy().map(workspaces::nameOf).orElse(""), MessageViews.segments(m.body()), m.body(),
                    m.editedAt().isPresent(), m.editedAt().map(Labels::exact).orElse(""), attachments,
                    m.mentions().stream().map(workspaces::nameOf).sorted().toList(), mine,
                    writable && mine && !m.deleted() && grant.allows(internal ? Permission.POST_INTERNAL_NOTES : Permission.POST_MESSAGES),
                    writable && !m.deleted() && (mine || moderator), m.version(), revisions));
        }
        return views;
    }

    /** The members who can see the thread (only the team for an internal conversation), the actor left out. */
    private List<Choice> mentionable(Actor actor, Workspace workspace, boolean internalConversation) {
        return kit.members().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(m -> !m.userId().equals(actor.userId()))
                .filter(m -> !internalConversation || !m.role().isClientRole())
                .map((Membership m) -> new Choice(m.userId().value(), workspaces.nameOf(m.userId()) + " · " + Labels.role(m.role()),
                        !m.role().isClientRole()))
                .toList();
    }

    /** Files the actor sees, at the top level and in top-level folders, at most {@link #ATTACHABLE}. */
    private List<Choice> attachable(Actor actor, Workspace workspace) {
        List<FileAsset> files = new ArrayList<>(kit.files().list(actor, workspace.id(), Optional.empty(),
                PageRequest.first(ATTACHABLE)).items());
        for (Folder folder : kit.folders().list(actor, workspace.id(), Optional.empty(), PageRequest.first(ATTACHABLE)).items()) {
            if (files.size() >= ATTACHABLE) {
                break;
            }
            files.addAll(kit.files().list(actor, workspace.id(), Optional.of(folder.id()),
                    PageRequest.first(ATTACHABLE)).items());
        }
        return files.stream().limit(ATTACHABLE)
                .map(f -> new Choice(f.id().value(), f.name(), f.visibility() == Visibility.TEAM)).toList();
    }

    /** A readable title: the file's name for a file's thread. */
    private String title(Actor actor, Workspace workspace, Conversation c, Map<FileId, String> fileNames) {
        if (c.kind() == ConversationKind.ITEM && c.item().isPresent() && c.item().get().type() == ItemType.FILE) {
            FileId file = FileId.of(c.item().get().id());
            String name = fileNames.computeIfAbsent(file, f -> kit.files().find(actor, workspace.id(), f)
                    .map(FileAsset::name).orElse(""));
            return name.isEmpty() ? c.title() : "File: " + name;
        }
        if (c.kind() == ConversationKind.ITEM && c.item().isPresent() && c.item().get().type() == ItemType.APPROVAL) {
            return kit.approvals().find(actor, workspace.id(), io.clientworkspace.ApprovalId.of(c.item().get().id()))
                    .map(a -> "Approval: " + a.title()).orElse(c.title());
        }
        return c.title();
    }

    private static String itemLink(Workspace workspace, Conversation c) {
        if (c.item().isEmpty()) {
            return "";
        }
        ItemRef item = c.item().get();
        return switch (item.type()) {
            case FILE -> "/workspaces/" + workspace.slug() + "/files/" + item.id();
            case APPROVAL -> "/workspaces/" + workspace.slug() + "/approvals/" + item.id();
            case REQUEST, TASK, STATUS_UPDATE -> "";
        };
    }

    private String fileName(Actor actor, Workspace workspace, String id) {
        try {
            return kit.files().find(actor, workspace.id(), FileId.of(id)).map(FileAsset::name).orElse("the file");
        } catch (ValidationException e) {
            return "the file";
        }
    }

    static String kindLabel(ConversationKind kind) {
        return switch (kind) {
            case GENERAL -> "General";
            case TOPIC -> "Topic";
            case ITEM -> "About an item";
        };
    }

    private static String threadUrl(Workspace workspace, String conversationId) {
        return "/workspaces/" + workspace.slug() + "/messages/" + conversationId;
    }

    /** An id from the URL; a malformed one is the 404 page, like an unknown one. */
    private static ConversationId conversationId(String value) {
        try {
            return ConversationId.of(value);
        } catch (ValidationException e) {
            throw new NotFoundException("conversation", "?");
        }
    }

    private static MessageId messageId(String value) {
        try {
            return MessageId.of(value);
        } catch (ValidationException e) {
            throw new NotFoundException("message", "?");
        }
    }

    private static Visibility visibility(String value) {
        return switch (value) {
            case "TEAM" -> Visibility.TEAM;
            case "CLIENT", "" -> Visibility.CLIENT;
            default -> throw new ValidationException(FieldError.of("visibility", "choose client-visible or internal"));
        };
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
    }

    /**
     * The kit's field errors in words: {@code mentions[i]} and {@code attachments[i]} name the member or file
     * (their position in what was submitted, counted from 0 as the kit does).
     */
    static String reasons(ValidationException e, List<String> mentioned, List<String> attached) {
        List<String> parts = new ArrayList<>();
        for (FieldError error : e.fieldErrors()) {
            parts.add(describe(error.field(), mentioned, attached) + " " + error.message());
        }
        return String.join("; ", parts) + ".";
    }

    private static String describe(String field, List<String> mentioned, List<String> attached) {
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(2));
            List<String> names = m.group(1).equals("mentions") ? mentioned : attached;
            Function<String, String> what = m.group(1).equals("mentions") ? n -> "@" + n : n -> "“" + n + "”";
            return index >= 0 && index < names.size() ? what.apply(names.get(index)) : field;
        }
        return switch (field) {
            case "body" -> "the message";
            case "title" -> "the title";
            case "mentions" -> "mentions:";
            case "attachments" -> "attachments:";
            default -> field;
        };
    }
}
