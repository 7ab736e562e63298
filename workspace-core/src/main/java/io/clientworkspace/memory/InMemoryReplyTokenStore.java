package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.message.reply.ReplyReceipt;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spi.ReplyTokenStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ReplyTokenStore} in memory. */
final class InMemoryReplyTokenStore implements ReplyTokenStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id) {
    }

    private record HashKey(TenantId tenantId, String tokenHash) {
    }

    private record ReceiptKey(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId tokenId, String inboundKey) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, ReplyToken> tokens = new HashMap<>();
    private final Map<HashKey, Key> byHash = new HashMap<>();
    private final Map<ReceiptKey, ReplyReceipt> receipts = new HashMap<>();

    InMemoryReplyTokenStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public ReplyToken insert(ReplyToken token) {
        requireNonNull(token, "token must not be null");
        return tx.write(() -> {
            Key key = new Key(token.tenantId(), token.workspaceId(), token.id());
            HashKey hash = new HashKey(token.tenantId(), token.tokenHash());
            if (tokens.containsKey(key) || byHash.containsKey(hash)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Reply token '" + token.id() + "' already exists");
            }
            tokens.put(key, token);
            byHash.put(hash, key);
            return new Undoable<>(token, () -> {
                tokens.remove(key);
                byHash.remove(hash);
            });
        });
    }

    @Override
    public Optional<ReplyToken> findByHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx.read(() -> Optional.ofNullable(byHash.get(new HashKey(tenantId, tokenHash))).map(tokens::get));
    }

    @Override
    public Optional<ReplyToken> find(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id) {
        return tx.read(() -> Optional.ofNullable(tokens.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<ReplyToken> live(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                 UserId recipient, Instant now) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(now, "now must not be null");
        return tx.read(() -> tokens.values().stream()
                .filter(t -> t.tenantId().equals(tenantId) && t.workspaceId().equals(workspaceId)
                        && t.conversationId().equals(conversationId) && t.recipient().equals(recipient)
                        && !t.revoked() && !t.expiredAt(now))
                .sorted(Comparator.comparing(ReplyToken::issuedAt).thenComparing(t -> t.id().value()))
                .toList());
    }

    @Override
    public Optional<ReplyToken> revoke(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId id, Instant at) {
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            ReplyToken current = tokens.get(key);
            if (current == null || current.revoked()) {
                return new Undoable<>(Optional.ofNullable(current), () -> { });
            }
            ReplyToken revoked = current.revokedAt(at);
            tokens.put(key, revoked);
            return new Undoable<>(Optional.of(revoked), () -> tokens.put(key, current));
        });
    }

    @Override
    public int revokeAll(TenantId tenantId, WorkspaceId workspaceId, Optional<ConversationId> conversationId,
                         Optional<UserId> recipient, Instant at) {
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            List<ReplyToken> before = new ArrayList<>();
            for (ReplyToken t : tokens.values()) {
                if (t.tenantId().equals(tenantId) && t.workspaceId().equals(workspaceId) && !t.revoked()
                        && conversationId.map(t.conversationId()::equals).orElse(true)
                        && recipient.map(t.recipient()::equals).orElse(true)) {
                    before.add(t);
                }
            }
            for (ReplyToken t : before) {
                tokens.put(new Key(t.tenantId(), t.workspaceId(), t.id()), t.revokedAt(at));
            }
            return new Undoable<>(before.size(), () -> before.forEach(
                    t -> tokens.put(new Key(t.tenantId(), t.workspaceId(), t.id()), t)));
        });
    }

    @Override
    public ReplyReceipt insertReceipt(ReplyReceipt receipt) {
        requireNonNull(receipt, "receipt must not be null");
        return tx.write(() -> {
            ReceiptKey key = new ReceiptKey(receipt.tenantId(), receipt.workspaceId(), receipt.tokenId(),
                    receipt.inboundKey());
            if (receipts.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "A reply with this inbound id was already received with token '" + receipt.tokenId() + "'");
            }
            receipts.put(key, receipt);
            return new Undoable<>(receipt, () -> receipts.remove(key));
        });
    }

    @Override
    public Optional<ReplyReceipt> findReceipt(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId tokenId,
                                              String inboundKey) {
        return tx.read(() -> Optional.ofNullable(receipts.get(new ReceiptKey(tenantId, workspaceId, tokenId,
                inboundKey))));
    }
}
