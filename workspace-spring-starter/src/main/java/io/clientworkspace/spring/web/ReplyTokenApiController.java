package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.message.reply.IssuedReplyToken;
import io.clientworkspace.message.reply.ReplyAddresses;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spring.web.ReplyDtos.IssueReplyTokenRequest;
import io.clientworkspace.spring.web.ReplyDtos.ReplyTokenDto;
import io.clientworkspace.spring.web.ReplyDtos.RevokedDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reply tokens of a conversation: a signed-in member issues one <em>for themselves</em> (the secret is in the
 * answer once; put it in the Reply-To address), reads one, revokes one, or revokes all (of a recipient). Nobody
 * can obtain a token for someone else over REST (a token lets its holder post as its recipient): a host's
 * notification mailer calls {@code kit.replies().issueFor} in-process instead. Reading and revoking never show a
 * secret.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/conversations/{conversationId}/reply-tokens")
public class ReplyTokenApiController implements KitController {

    private final WorkspaceKit kit;
    private final String addressPrefix;
    private final String addressDomain;

    /**
     * @param addressPrefix the local-part prefix of the addresses shown (e.g. {@code reply})
     * @param addressDomain the domain of the addresses shown; empty: no address is shown
     */
    public ReplyTokenApiController(WorkspaceKit kit, String addressPrefix, String addressDomain) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.addressPrefix = requireNonNull(addressPrefix, "addressPrefix must not be null");
        this.addressDomain = requireNonNull(addressDomain, "addressDomain must not be null").strip();
    }

    /**
     * Issues a token for the caller; 201 with the secret token (only here), its expiry and the address. The body
     * may be left out; a {@code recipient} other than the caller is refused (403).
     */
    @Operation(summary = "Issue a reply-by-e-mail token for the caller in the conversation (secret shown once)")
    @PostMapping
    public ResponseEntity<ReplyTokenDto> issue(Actor actor, @PathVariable String workspaceId,
                                               @PathVariable String conversationId,
                                               @RequestBody(required = false) @Nullable IssueReplyTokenRequest body) {
        String given = body == null ? null : body.recipient();
        UserId recipient = given == null || given.isEmpty() ? actor.userId() : UserId.of(given);
        IssuedReplyToken issued = kit.replies().issue(actor, WorkspaceId.of(workspaceId),
                ConversationId.of(conversationId), recipient);
        String address = addressDomain.isEmpty() ? null
                : ReplyAddresses.address(addressPrefix, issued.token(), addressDomain);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(issued.record().id().value()).toUri())
                .body(ReplyTokenDto.of(issued, address));
    }

    /** A token of the conversation (without its secret), for the team or its recipient. */
    @Operation(summary = "A reply token of the conversation (without the secret)")
    @GetMapping("/{tokenId}")
    public ReplyTokenDto get(Actor actor, @PathVariable String workspaceId, @PathVariable String conversationId,
                             @PathVariable String tokenId) {
        return ReplyTokenDto.of(token(actor, workspaceId, conversationId, tokenId));
    }

    /** Revokes one token; 204 (also when it was revoked already). */
    @Operation(summary = "Revoke a reply token")
    @DeleteMapping("/{tokenId}")
    public ResponseEntity<Void> revoke(Actor actor, @PathVariable String workspaceId, @PathVariable String conversationId,
                                       @PathVariable String tokenId) {
        ReplyToken token = token(actor, workspaceId, conversationId, tokenId);
        kit.replies().revoke(actor, token.workspaceId(), token.id());
        return ResponseEntity.noContent().build();
    }

    /** Revokes every token of the conversation, or only the recipient's ({@code ?recipient=}). */
    @Operation(summary = "Revoke every reply token of the conversation (?recipient= for one recipient's)")
    @DeleteMapping
    public RevokedDto revokeAll(Actor actor, @PathVariable String workspaceId, @PathVariable String conversationId,
                                @RequestParam(required = false) @Nullable String recipient) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ConversationId conversation = ConversationId.of(conversationId);
        kit.conversations().get(actor, ws, conversation);
        Optional<UserId> who = recipient == null || recipient.isEmpty() ? Optional.empty()
                : Optional.of(UserId.of(recipient));
        return new RevokedDto(kit.replies().revokeAll(actor, ws, Optional.of(conversation), who));
    }

    private ReplyToken token(Actor actor, String workspaceId, String conversationId, String tokenId) {
        ReplyTokenId id = ReplyTokenId.of(tokenId);
        ReplyToken token = kit.replies().get(actor, WorkspaceId.of(workspaceId), id);
        if (!token.conversationId().value().equals(conversationId)) {
            throw new NotFoundException("reply-token", tokenId);
        }
        return token;
    }
}
