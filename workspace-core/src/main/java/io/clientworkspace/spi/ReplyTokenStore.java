package io.clientworkspace.spi;

import io.clientworkspace.ConversationId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.reply.ReplyReceipt;
import io.clientworkspace.message.reply.ReplyToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores reply tokens (by the SHA-256 hash of their secret, never the secret) and the receipts of the replies
 * received with them. Every call names the tenant; a token of one tenant is never found under another.
 */
public interface ReplyTokenStore {

    /**
     * Stores a new token.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if its id, or its hash within the
     *                                              tenant, is taken
     */
    ReplyToken insert(ReplyToken token);

    /** The token of the tenant whose secret hashes to {@code tokenHash}, revoked and expired ones included. */
    Optional<ReplyToken> findByHash(TenantId tenantId, String tokenHash);

    /** The token with this id in this workspace. */
    Optional<ReplyToken> find(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id);

    /**
     * The live tokens of one recipient in one conversation: not revoked and not expired at {@code now}
     * ({@code expiresAt} after {@code now}), oldest first (by {@code issuedAt}, then by id).
     */
    List<ReplyToken> live(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId, UserId recipient,
                          Instant now);

    /**
     * Revokes the token at {@code at} unless it is revoked already (then it keeps its first revocation time).
     *
     * @return the token after the call; empty if there is no such token in the workspace
     */
    Optional<ReplyToken> revoke(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id, Instant at);

    /**
     * Revokes, at {@code at}, every token of the workspace not revoked yet that matches both filters (an
     * empty filter matches everything).
     *
     * @return how many tokens were revoked by this call
     */
    int revokeAll(TenantId tenantId, WorkspaceId workspaceId, Optional<ConversationId> conversationId,
                  Optional<UserId> recipient, Instant at);

    /**
     * Stores the receipt of a posted reply.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the token already has a receipt
     *                                              with this inbound key
     */
    ReplyReceipt insertReceipt(ReplyReceipt receipt);

    /** The receipt of the token's reply with this inbound key, if one was received. */
    Optional<ReplyReceipt> findReceipt(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId tokenId,
                                       String inboundKey);
}
