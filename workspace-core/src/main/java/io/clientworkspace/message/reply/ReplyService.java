package io.clientworkspace.message.reply;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FieldError;
import io.clientworkspace.GoneException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationService;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.ReplyTokenStore;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reply by e-mail ({@code kit.replies()}). The host asks for a reply token per recipient and conversation when
 * it sends a notification e-mail, puts it in the {@code Reply-To} address ({@link ReplyAddresses}), and hands
 * every reply e-mail its mail server receives to {@link #receive}, which posts it into that conversation as that
 * recipient.
 *
 * <p>Who gets a token: the host's mailer asks for one for the member it e-mails ({@link #issueFor}, a host-level
 * call without an actor, never to be exposed to end users), or a signed-in member for themselves
 * ({@link #issue}). Nobody can obtain a token for someone else: the token lets its holder post as its recipient.
 *
 * <p>A token is a bearer secret of 256 random bits, stored only as its SHA-256 hash. It names one recipient and
 * one conversation, expires ({@code WorkspaceKit.Builder.replyTokenValidity}, 30 days by default) and can be
 * revoked. It carries no rights of its own: a reply is posted through {@link ConversationService#post} as the
 * recipient, so the recipient's permissions <em>at the time of the reply</em> apply (a removed or downgraded
 * member cannot post, an archived workspace refuses, events, mentions rules and activity are those of any post).
 * A reply is a client-visible message, or an internal note when the conversation is internal (only team members
 * can get tokens for those). At most {@link #MAX_LIVE_TOKENS} tokens per recipient and conversation are live. Issuing and revoking tokens publish no events.
 *
 * <p>What an inbound caller learns: a malformed token, an unknown one and a token of another tenant all answer
 * the same {@link NotFoundException} ({@code reply-token}); only a genuine token of the tenant is told apart as
 * {@link GoneException} {@code EXPIRED} or {@code REVOKED} (whoever holds it received it), and only then are the
 * recipient's permissions checked.
 */
public final class ReplyService {

    /** The largest inbound text accepted, quoted history included: 200,000 characters. */
    public static final int MAX_INBOUND_CHARS = 200_000;
    /** The default validity of a token: 30 days. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
    /** The shortest validity a kit may be configured with: 1 minute. */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    /** The longest validity a kit may be configured with: 365 days. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);

    /**
     * How many live (neither revoked nor expired) tokens one recipient may have in one conversation: 5. Issuing
     * one more revokes the oldest.
     */
    public static final int MAX_LIVE_TOKENS = 5;

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final ConversationService conversations;
    private final ReplyTokenStore tokens;
    private final ConversationStore conversationStore;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    ReplyService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, ConversationService conversations,
                 Duration validity) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.conversations = requireNonNull(conversations, "conversations must not be null");
        this.validity = requireValidity(validity);
        this.tokens = kernel.stores().require(ReplyTokenStore.class);
        this.conversationStore = kernel.stores().require(ConversationStore.class);
    }

    /**
     * Checks a configured validity.
     *
     * @throws IllegalArgumentException unless between {@link #MIN_VALIDITY} and {@link #MAX_VALIDITY}
     */
    public static Duration requireValidity(Duration validity) {
        requireNonNull(validity, "validity must not be null");
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("the reply token validity must be between 1 minute and 365 days, was "
                    + validity);
        }
        return validity;
    }

    /**
     * Issues a reply token to the actor, for themselves: {@code recipient} must be the actor (anyone else is
     * refused with {@link AccessDeniedException}, team members included: a token lets its holder post as its
     * recipient, so nobody may obtain one for someone else; a host's notification mailer uses {@link #issueFor}).
     * The actor must see the conversation ({@link NotFoundException} otherwise), be a member of the workspace who
     * may post in it now (field {@code recipient}: "is not a member of this workspace", "cannot see this
     * conversation", "may not post in this conversation"), and the workspace must not be archived. At most
     * {@link #MAX_LIVE_TOKENS} tokens of one recipient and conversation are live: issuing another revokes the
     * oldest live ones (see {@link #issueFor}).
     *
     * @return the secret token (shown only here) and what is stored
     */
    public IssuedReplyToken issue(Actor actor, WorkspaceId workspaceId, ConversationId conversationId, UserId recipient) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        Conversation conversation = conversations.get(actor, workspaceId, conversationId);
        if (!actor.userId().equals(recipient)) {
            throw new AccessDeniedException(actor, "being the recipient", "issue reply addresses for someone else");
        }
        return issueChecked(actor.tenantId(), workspaceId, conversation, recipient);
    }

    /**
     * Issues a reply token for {@code recipient}, on behalf of the host application itself (no actor, like
     * {@code kit.tenants().create}): this is what a host's notification mailer calls before it e-mails a member
     * about a conversation. The secret lets whoever holds it post as {@code recipient}, so <strong>never expose
     * this method to end users</strong> (no REST endpoint or page may let a user choose the recipient and see the
     * token): only put the token into the e-mail sent to the recipient. The recipient is checked as in
     * {@link #issue}: the conversation must exist in the workspace ({@link NotFoundException} {@code conversation}
     * otherwise), the recipient must be a member who can see it and may post in it now (field {@code recipient}),
     * and the workspace must not be archived.
     *
     * <p>Tokens cannot be handed out twice (only their hash is stored), so each call issues a new one. At most
     * {@link #MAX_LIVE_TOKENS} tokens of one recipient and conversation are live (neither revoked nor expired):
     * issuing one more revokes the oldest live ones, so the oldest notification's reply address stops working
     * first. Concurrent issuing for one workspace is serialized by the workspace's write lock, so the cap holds.
     *
     * @return the secret token (shown only here) and what is stored ({@code issuedBy} is the recipient)
     */
    public IssuedReplyToken issueFor(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                     UserId recipient) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        Conversation conversation = conversationStore.find(tenantId, workspaceId, conversationId)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId.value()));
        return issueChecked(tenantId, workspaceId, conversation, recipient);
    }

    private IssuedReplyToken issueChecked(TenantId tenantId, WorkspaceId workspaceId, Conversation conversation,
                                          UserId recipient) {
        Actor author = recipientActor(tenantId, workspaceId, recipient)
                .orElseThrow(() -> new ValidationException(FieldError.of("recipient", "is not a member of this workspace")));
        if (conversations.find(author, workspaceId, conversation.id()).isEmpty()) {
            throw new ValidationException(FieldError.of("recipient", "cannot see this conversation"));
        }
        if (!authorizer.can(author, workspaceId, postPermission(conversation.visibility()))) {
            throw new ValidationException(FieldError.of("recipient", "may not post in this conversation"));
        }
        String secret = newSecret();
        return kernel.write(changes -> {
            // Locks the workspace row for this unit of work: concurrent issuers queue, so the cap below holds.
            access.requireWritable(author, workspaceId, Permission.VIEW_WORKSPACE, "issue reply addresses");
            List<ReplyToken> live = tokens.live(tenantId, workspaceId, conversation.id(), recipient, changes.now());
            for (int i = 0; i <= live.size() - MAX_LIVE_TOKENS; i++) {
                tokens.revoke(tenantId, workspaceId, live.get(i).id(), changes.now());
            }
            ReplyToken stored = tokens.insert(new ReplyToken(ReplyTokenId.of(kernel.newId()), tenantId,
                    workspaceId, conversation.id(), recipient, author.kind(), sha256(secret), recipient,
                    changes.now(), changes.now().plus(validity), Optional.empty()));
            return new IssuedReplyToken(secret, stored);
        });
    }

    /**
     * The token with this id, for a team member of the workspace or its recipient.
     *
     * @throws NotFoundException for anyone else, as for an unknown id
     */
    public ReplyToken get(Actor actor, WorkspaceId workspaceId, ReplyTokenId id) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(id, "id must not be null");
        access.visible(actor, workspaceId);
        return tokens.find(actor.tenantId(), workspaceId, id)
                .filter(t -> mayManage(actor, workspaceId, t.recipient()))
                .orElseThrow(() -> new NotFoundException("reply-token", id.value()));
    }

    /**
     * Revokes one token (a team member who sees internal items, or the token's recipient). Revoking a revoked
     * token changes nothing. Allowed in an archived workspace.
     *
     * @return the token after the call
     */
    public ReplyToken revoke(Actor actor, WorkspaceId workspaceId, ReplyTokenId id) {
        ReplyToken token = get(actor, workspaceId, id);
        return kernel.write(changes -> tokens.revoke(actor.tenantId(), workspaceId, token.id(), changes.now()))
                .orElseThrow(() -> new NotFoundException("reply-token", id.value()));
    }

    /**
     * Revokes every token of the workspace matching both filters: a team member who sees internal items may
     * revoke any; anyone else only their own (they must give {@code recipient} = themselves).
     *
     * @return how many tokens this call revoked
     */
    public int revokeAll(Actor actor, WorkspaceId workspaceId, Optional<ConversationId> conversationId,
                         Optional<UserId> recipient) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        access.visible(actor, workspaceId);
        if (!recipient.map(actor.userId()::equals).orElse(false) && !isTeam(actor, workspaceId)) {
            throw new AccessDeniedException(actor, "being on the team or the recipient", "revoke reply addresses");
        }
        return kernel.write(changes -> tokens.revokeAll(actor.tenantId(), workspaceId, conversationId, recipient,
                changes.now()));
    }

    /**
     * Posts an inbound reply e-mail into its conversation as its recipient. In this order: the text is at most
     * {@link #MAX_INBOUND_CHARS} characters (field {@code text}), the sender at most 320 and the inbound id 1 to 998
     * (fields {@code fromAddress}, {@code inboundId}); the token must be a token of {@code tenantId} (else
     * {@link NotFoundException} {@code reply-token}, the same for malformed, unknown and other tenants' tokens);
     * a reply whose inbound id this token already received posts nothing and answers the first message
     * ({@code duplicate}); the token must be neither revoked nor expired ({@link GoneException}); the text with its
     * quoted history and signature stripped ({@link ReplyText#strip}) must not be empty (field {@code text}); the
     * recipient must still be a member of the same kind ({@link AccessDeniedException}); then
     * {@link ConversationService#post} applies every rule of a normal post (permissions now, archived workspace,
     * hidden conversation, body of at most 10,000 characters in field {@code body}).
     *
     * <p>Concurrent deliveries of the same inbound reply (same token and inbound id) post once: the others
     * answer like a retry ({@code duplicate}, the first message). The loser's conflict is caught after its unit of
     * work rolled back, so call this outside a transaction of your own (a mail webhook does): inside one, the
     * database may have aborted the host's transaction.
     */
    public ReceivedReply receive(TenantId tenantId, InboundReply reply) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(reply, "reply must not be null");
        if (reply.text().length() > MAX_INBOUND_CHARS) {
            throw new ValidationException(FieldError.of("text", "is larger than " + MAX_INBOUND_CHARS + " characters"));
        }
        if (reply.fromAddress().map(String::length).orElse(0) > 320) {
            throw new ValidationException(FieldError.of("fromAddress", "is longer than 320 characters"));
        }
        if (reply.inboundId().filter(id -> id.isBlank() || id.length() > 998).isPresent()) {
            throw new ValidationException(FieldError.of("inboundId", "must be 1 to 998 characters"));
        }
        ReplyToken token = Optional.of(reply.token()).filter(t -> ReplyAddresses.TOKEN.matcher(t).matches())
                .flatMap(t -> tokens.findByHash(tenantId, sha256(t)))
                .orElseThrow(() -> new NotFoundException("reply-token", "given"));
        Optional<String> inboundKey = reply.inboundId().map(ReplyService::sha256);
        if (inboundKey.isPresent()) {
            var receipt = tokens.findReceipt(tenantId, token.workspaceId(), token.id(), inboundKey.get());
            if (receipt.isPresent()) {
                return new ReceivedReply(token.workspaceId(), token.conversationId(), receipt.get().messageId(),
                        token.recipient(), true);
            }
        }
        if (token.revoked()) {
            throw new GoneException(GoneException.Reason.REVOKED, "This reply address was revoked; "
                    + "reply in the workspace instead");
        }
        if (token.expiredAt(kernel.now())) {
            throw new GoneException(GoneException.Reason.EXPIRED, "This reply address expired at "
                    + token.expiresAt() + "; reply in the workspace instead");
        }
        String body = ReplyText.strip(reply.text());
        if (body.isEmpty()) {
            throw new ValidationException(FieldError.of("text",
                    "nothing is left after removing the quoted history and the signature"));
        }
        Actor author = recipientActor(tenantId, token.workspaceId(), token.recipient())
                .filter(a -> a.kind() == token.recipientKind())
                .orElseThrow(() -> new AccessDeniedException(new Actor(tenantId, token.recipient(), token.recipientKind()),
                        "membership of the workspace", "reply by e-mail"));
        try {
            return kernel.write(changes -> {
                Message posted = conversations.post(author, token.workspaceId(), token.conversationId(),
                        new NewMessage(body, Visibility.CLIENT, List.of(), List.of()));
                inboundKey.ifPresent(key -> tokens.insertReceipt(new ReplyReceipt(tenantId, token.workspaceId(),
                        token.id(), key, posted.id(), changes.now())));
                return new ReceivedReply(token.workspaceId(), token.conversationId(), posted.id(), token.recipient(),
                        false);
            });
        } catch (ConflictException e) {
            // Caught outside the unit of work, after it rolled back (nothing of this call was posted): another
            // delivery of the same inbound reply won the race and stored its receipt. Answer like a retry.
            if (inboundKey.isEmpty()) {
                throw e;
            }
            return tokens.findReceipt(tenantId, token.workspaceId(), token.id(), inboundKey.get())
                    .map(r -> new ReceivedReply(token.workspaceId(), token.conversationId(), r.messageId(),
                            token.recipient(), true))
                    .orElseThrow(() -> e);
        }
    }

    private Optional<Actor> recipientActor(TenantId tenantId, WorkspaceId workspaceId, UserId recipient) {
        Optional<Membership> membership = kernel.stores().memberships().find(tenantId, workspaceId, recipient);
        return membership.map(m -> new Actor(tenantId, recipient, m.role().kind()));
    }

    private boolean mayManage(Actor actor, WorkspaceId workspaceId, UserId recipient) {
        return actor.userId().equals(recipient) || isTeam(actor, workspaceId);
    }

    private boolean isTeam(Actor actor, WorkspaceId workspaceId) {
        return actor.isTeam() && authorizer.can(actor, workspaceId, Permission.VIEW_INTERNAL);
    }

    private static Permission postPermission(Visibility visibility) {
        return visibility == Visibility.TEAM ? Permission.POST_INTERNAL_NOTES : Permission.POST_MESSAGES;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        StringBuilder out = new StringBuilder(52);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
