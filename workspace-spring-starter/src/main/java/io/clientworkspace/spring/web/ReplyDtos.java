package io.clientworkspace.spring.web;

import io.clientworkspace.message.reply.IssuedReplyToken;
import io.clientworkspace.message.reply.ReceivedReply;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The JSON shapes of reply by e-mail: issuing and revoking reply tokens, and the inbound reply the host's mail
 * pipeline posts.
 */
public final class ReplyDtos {

    private ReplyDtos() {
    }

    /**
     * Issue a token for the caller. {@code recipient} may be left out; if given it must be the caller's own user
     * id (a token for anyone else is refused).
     */
    public record IssueReplyTokenRequest(@Nullable String recipient) implements RejectsUnknownFields {
    }

    /**
     * A reply token. {@code token} (the secret) appears only in the answer that issued it; {@code address} only
     * when {@code client-workspace.replies.address-domain} is set.
     */
    public record ReplyTokenDto(String id, String workspaceId, String conversationId, String recipient,
                                String recipientKind, Instant issuedAt, Instant expiresAt, @Nullable Instant revokedAt,
                                @Nullable String token, @Nullable String address) {

        static ReplyTokenDto of(ReplyToken t) {
            return new ReplyTokenDto(t.id().value(), t.workspaceId().value(), t.conversationId().value(),
                    t.recipient().value(), t.recipientKind().name(), t.issuedAt(), t.expiresAt(),
                    t.revokedAt().orElse(null), null, null);
        }

        static ReplyTokenDto of(IssuedReplyToken issued, @Nullable String address) {
            ReplyToken t = issued.record();
            return new ReplyTokenDto(t.id().value(), t.workspaceId().value(), t.conversationId().value(),
                    t.recipient().value(), t.recipientKind().name(), t.issuedAt(), t.expiresAt(),
                    t.revokedAt().orElse(null), issued.token(), address);
        }
    }

    /** How many tokens a bulk revocation revoked. */
    public record RevokedDto(int revoked) {
    }

    /**
     * An inbound reply e-mail. {@code token}, or {@code to} (the address it was sent to, e.g.
     * {@code reply+TOKEN@mail.example.com}) when no token is given; {@code tenantId} may be left out when
     * {@code client-workspace.security.default-tenant-id} is set; {@code messageId} (the e-mail's Message-ID)
     * makes retries post once; {@code from} is informational.
     */
    public record InboundReplyRequest(@Nullable String tenantId, @Nullable String token, @Nullable String to,
                                      @Nullable String from, @Nullable String text, @Nullable String messageId)
            implements RejectsUnknownFields {
    }

    /** An accepted reply: where it was posted, as whom, and whether it was a retry that posted nothing. */
    public record ReceivedReplyDto(String workspaceId, String conversationId, String messageId, String author,
                                   boolean duplicate) {

        static ReceivedReplyDto of(ReceivedReply r) {
            return new ReceivedReplyDto(r.workspaceId().value(), r.conversationId().value(), r.messageId().value(),
                    r.author().value(), r.duplicate());
        }
    }
}
