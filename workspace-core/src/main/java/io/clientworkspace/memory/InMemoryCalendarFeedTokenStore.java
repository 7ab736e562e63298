package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FeedTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.CalendarFeedTokenStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link CalendarFeedTokenStore} in memory. */
final class InMemoryCalendarFeedTokenStore implements CalendarFeedTokenStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id) {
    }

    private record HashKey(TenantId tenantId, String tokenHash) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, CalendarFeedToken> tokens = new HashMap<>();
    private final Map<HashKey, Key> byHash = new HashMap<>();

    InMemoryCalendarFeedTokenStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public CalendarFeedToken insert(CalendarFeedToken token) {
        requireNonNull(token, "token must not be null");
        return tx.write(() -> {
            Key key = new Key(token.tenantId(), token.workspaceId(), token.id());
            HashKey hash = new HashKey(token.tenantId(), token.tokenHash());
            if (tokens.containsKey(key) || byHash.containsKey(hash)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Calendar feed token '" + token.id() + "' already exists");
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
    public Optional<CalendarFeedToken> findByHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx.read(() -> Optional.ofNullable(byHash.get(new HashKey(tenantId, tokenHash))).map(tokens::get));
    }

    @Override
    public Optional<CalendarFeedToken> find(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(tokens.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<CalendarFeedToken> live(TenantId tenantId, WorkspaceId workspaceId, UserId member) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(member, "member must not be null");
        return tx.read(() -> tokens.values().stream()
                .filter(t -> t.tenantId().equals(tenantId) && t.workspaceId().equals(workspaceId)
                        && t.member().equals(member) && !t.revoked())
                .sorted(Comparator.comparing(CalendarFeedToken::issuedAt).thenComparing(t -> t.id().value()))
                .toList());
    }

    @Override
    public Optional<CalendarFeedToken> revoke(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id,
                                              Instant at) {
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            CalendarFeedToken current = tokens.get(key);
            if (current == null || current.revoked()) {
                return new Undoable<>(Optional.ofNullable(current), () -> { });
            }
            CalendarFeedToken revoked = current.revokedAt(at);
            tokens.put(key, revoked);
            return new Undoable<>(Optional.of(revoked), () -> tokens.put(key, current));
        });
    }
}
