package io.clientworkspace.jpa;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.ReplyReceiptEntity;
import io.clientworkspace.jpa.entity.ReplyTokenEntity;
import io.clientworkspace.message.reply.ReplyReceipt;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spi.ReplyTokenStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ReplyTokenStore} on JPA: tokens keyed by (tenant, workspace, id) and unique by (tenant, token hash);
 * receipts keyed by (tenant, workspace, token, inbound key), so two concurrent receipts of one inbound reply
 * cannot both be stored. Revocations are conditional bulk updates ({@code revoked_at is null}), so the first
 * revocation time is kept.
 */
public final class JpaReplyTokenStore extends JpaStoreSupport implements ReplyTokenStore {

    public JpaReplyTokenStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ReplyToken insert(ReplyToken token) {
        requireNonNull(token, "token must not be null");
        return tx(() -> {
            if (em().find(ReplyTokenEntity.class, key(token.tenantId(), token.workspaceId(), token.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Reply token '" + token.id() + "' already exists");
            }
            ReplyTokenEntity e = new ReplyTokenEntity(token.tenantId().value(), token.workspaceId().value(),
                    token.id().value());
            e.conversationId = token.conversationId().value();
            e.recipientId = token.recipient().value();
            e.recipientKind = token.recipientKind().name();
            e.tokenHash = token.tokenHash();
            e.issuedBy = token.issuedBy().value();
            e.issuedAt = token.issuedAt();
            e.expiresAt = token.expiresAt();
            e.revokedAt = token.revokedAt().orElse(null);
            return toDomain(insert(e, "reply token", token.id().value()));
        });
    }

    @Override
    public Optional<ReplyToken> findByHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx(() -> em().createQuery("select t from CwkReplyToken t where t.tenantId = :tenant"
                        + " and t.tokenHash = :hash", ReplyTokenEntity.class)
                .setParameter("tenant", tenantId.value()).setParameter("hash", tokenHash)
                .getResultStream().findFirst().map(e -> mapDetached(e, JpaReplyTokenStore::toDomain)));
    }

    @Override
    public Optional<ReplyToken> find(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(ReplyTokenEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaReplyTokenStore::toDomain)));
    }

    @Override
    public List<ReplyToken> live(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                 UserId recipient, Instant now) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(now, "now must not be null");
        return tx(() -> this.<ReplyTokenEntity, ReplyToken>mapDetached(em().createQuery(
                        "select t from CwkReplyToken t where t.tenantId = :tenant"
                        + " and t.workspaceId = :ws and t.conversationId = :conversation and t.recipientId = :recipient"
                        + " and t.revokedAt is null and t.expiresAt > :now order by t.issuedAt, t.id",
                        ReplyTokenEntity.class)
                .setParameter("tenant", tenantId.value()).setParameter("ws", workspaceId.value())
                .setParameter("conversation", conversationId.value()).setParameter("recipient", recipient.value())
                .setParameter("now", now)
                .getResultList(), JpaReplyTokenStore::toDomain));
    }

    @Override
    public Optional<ReplyToken> revoke(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id, Instant at) {
        requireNonNull(at, "at must not be null");
        return tx(() -> {
            em().createQuery("update CwkReplyToken t set t.revokedAt = :at where t.tenantId = :tenant"
                            + " and t.workspaceId = :ws and t.id = :id and t.revokedAt is null")
                    .setParameter("at", at).setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value()).setParameter("id", id.value()).executeUpdate();
            return find(tenantId, workspaceId, id);
        });
    }

    @Override
    public int revokeAll(TenantId tenantId, WorkspaceId workspaceId, Optional<ConversationId> conversationId,
                         Optional<UserId> recipient, Instant at) {
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(at, "at must not be null");
        return tx(() -> {
            var query = em().createQuery("update CwkReplyToken t set t.revokedAt = :at where t.tenantId = :tenant"
                            + " and t.workspaceId = :ws and t.revokedAt is null"
                            + (conversationId.isPresent() ? " and t.conversationId = :conversation" : "")
                            + (recipient.isPresent() ? " and t.recipientId = :recipient" : ""))
                    .setParameter("at", at).setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value());
            conversationId.ifPresent(c -> query.setParameter("conversation", c.value()));
            recipient.ifPresent(r -> query.setParameter("recipient", r.value()));
            return query.executeUpdate();
        });
    }

    @Override
    public ReplyReceipt insertReceipt(ReplyReceipt receipt) {
        requireNonNull(receipt, "receipt must not be null");
        return tx(() -> {
            ReplyReceiptEntity.Key key = new ReplyReceiptEntity.Key(receipt.tenantId().value(),
                    receipt.workspaceId().value(), receipt.tokenId().value(), receipt.inboundKey());
            if (em().find(ReplyReceiptEntity.class, key) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "A reply with this inbound id was already received with token '" + receipt.tokenId() + "'");
            }
            ReplyReceiptEntity e = new ReplyReceiptEntity(receipt.tenantId().value(), receipt.workspaceId().value(),
                    receipt.tokenId().value(), receipt.inboundKey());
            e.messageId = receipt.messageId().value();
            e.receivedAt = receipt.receivedAt();
            return toDomain(insert(e, "reply receipt", receipt.tokenId().value()));
        });
    }

    @Override
    public Optional<ReplyReceipt> findReceipt(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId tokenId,
                                              String inboundKey) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(tokenId, "tokenId must not be null");
        requireNonNull(inboundKey, "inboundKey must not be null");
        return tx(() -> Optional.ofNullable(em().find(ReplyReceiptEntity.class, new ReplyReceiptEntity.Key(
                        tenantId.value(), workspaceId.value(), tokenId.value(), inboundKey)))
                .map(e -> mapDetached(e, JpaReplyTokenStore::toDomain)));
    }

    private static ReplyTokenEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id) {
        return new ReplyTokenEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static ReplyToken toDomain(ReplyTokenEntity e) {
        return new ReplyToken(ReplyTokenId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                ConversationId.of(e.conversationId), UserId.of(e.recipientId), ActorKind.valueOf(e.recipientKind),
                e.tokenHash, UserId.of(e.issuedBy), e.issuedAt, e.expiresAt, Optional.ofNullable(e.revokedAt));
    }

    static ReplyReceipt toDomain(ReplyReceiptEntity e) {
        return new ReplyReceipt(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), ReplyTokenId.of(e.tokenId),
                e.inboundKey, MessageId.of(e.messageId), e.receivedAt);
    }
}
