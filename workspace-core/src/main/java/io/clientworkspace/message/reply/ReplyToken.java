package io.clientworkspace.message.reply;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConversationId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the kit keeps of an issued reply token: whom it lets post where, until when, and the SHA-256 hash of
 * the secret (never the secret itself, so a copy of the database gives no usable token). The token carries no
 * rights of its own: posting checks the recipient's permissions at the time of the reply.
 *
 * @param id            the public id (to revoke it; not a secret)
 * @param tenantId      the tenant
 * @param workspaceId   the workspace of the conversation
 * @param conversationId the only conversation the token posts into
 * @param recipient     the only user the token posts as
 * @param recipientKind whether the recipient is a team member or a client (from the membership at issue time)
 * @param tokenHash     lower-case hex SHA-256 of the token string (64 characters)
 * @param issuedBy      for whom it was issued: the recipient (a member issues only for themselves, and the host's
 *                      {@code issueFor} records the recipient it issued for)
 * @param issuedAt      when
 * @param expiresAt     after when it is refused as expired
 * @param revokedAt     when it was revoked, if it was
 */
public record ReplyToken(ReplyTokenId id, TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                         UserId recipient, ActorKind recipientKind, String tokenHash, UserId issuedBy,
                         Instant issuedAt, Instant expiresAt, Optional<Instant> revokedAt) {

    public ReplyToken {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(recipientKind, "recipientKind must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        requireNonNull(issuedBy, "issuedBy must not be null");
        requireNonNull(issuedAt, "issuedAt must not be null");
        requireNonNull(expiresAt, "expiresAt must not be null");
        requireNonNull(revokedAt, "revokedAt must not be null");
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("tokenHash must be 64 lower-case hex characters");
        }
        if (expiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must not be before issuedAt");
        }
    }

    /** Whether it was revoked. */
    public boolean revoked() {
        return revokedAt.isPresent();
    }

    /** Whether it is expired at {@code now} (expired from {@code expiresAt} on). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This token revoked at {@code at}. */
    public ReplyToken revokedAt(Instant at) {
        return new ReplyToken(id, tenantId, workspaceId, conversationId, recipient, recipientKind, tokenHash, issuedBy,
                issuedAt, expiresAt, Optional.of(at));
    }
}
