package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FeedTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.jpa.entity.CalendarFeedTokenEntity;
import io.clientworkspace.spi.CalendarFeedTokenStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link CalendarFeedTokenStore} on JPA: tokens keyed by (tenant, workspace, id) and unique by (tenant, token
 * hash), so two tokens can never share a hash even when issued concurrently. Revocation is a conditional update
 * ({@code revoked_at is null}), so the first revocation time is kept.
 */
public final class JpaCalendarFeedTokenStore extends JpaStoreSupport implements CalendarFeedTokenStore {

    public JpaCalendarFeedTokenStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public CalendarFeedToken insert(CalendarFeedToken token) {
        requireNonNull(token, "token must not be null");
        return tx(() -> {
            if (em().find(CalendarFeedTokenEntity.class, key(token.tenantId(), token.workspaceId(), token.id())) != null
                    || findByHash(token.tenantId(), token.tokenHash()).isPresent()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Calendar feed token '" + token.id() + "' already exists");
            }
            CalendarFeedTokenEntity e = new CalendarFeedTokenEntity(token.tenantId().value(),
                    token.workspaceId().value(), token.id().value());
            e.memberId = token.member().value();
            e.tokenHash = token.tokenHash();
            e.issuedAt = token.issuedAt();
            e.revokedAt = token.revokedAt().orElse(null);
            return toDomain(insert(e, "calendar feed token", token.id().value()));
        });
    }

    @Override
    public Optional<CalendarFeedToken> findByHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx(() -> em().createQuery("select t from CwkCalendarFeedToken t where t.tenantId = :tenant"
                        + " and t.tokenHash = :hash", CalendarFeedTokenEntity.class)
                .setParameter("tenant", tenantId.value()).setParameter("hash", tokenHash)
                .getResultStream().findFirst().map(e -> mapDetached(e, JpaCalendarFeedTokenStore::toDomain)));
    }

    @Override
    public Optional<CalendarFeedToken> find(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(CalendarFeedTokenEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaCalendarFeedTokenStore::toDomain)));
    }

    @Override
    public List<CalendarFeedToken> live(TenantId tenantId, WorkspaceId workspaceId, UserId member) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(member, "member must not be null");
        return tx(() -> this.<CalendarFeedTokenEntity, CalendarFeedToken>mapDetached(em().createQuery(
                        "select t from CwkCalendarFeedToken t where t.tenantId = :tenant"
                        + " and t.workspaceId = :ws and t.memberId = :member and t.revokedAt is null"
                        + " order by t.issuedAt, t.id", CalendarFeedTokenEntity.class)
                .setParameter("tenant", tenantId.value()).setParameter("ws", workspaceId.value())
                .setParameter("member", member.value())
                .getResultList(), JpaCalendarFeedTokenStore::toDomain));
    }

    @Override
    public Optional<CalendarFeedToken> revoke(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id, Instant at) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        requireNonNull(at, "at must not be null");
        return tx(() -> {
            em().createQuery("update CwkCalendarFeedToken t set t.revokedAt = :at where t.tenantId = :tenant"
                            + " and t.workspaceId = :ws and t.id = :id and t.revokedAt is null")
                    .setParameter("at", at).setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value()).setParameter("id", id.value()).executeUpdate();
            return find(tenantId, workspaceId, id);
        });
    }

    private static CalendarFeedTokenEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id) {
        return new CalendarFeedTokenEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static CalendarFeedToken toDomain(CalendarFeedTokenEntity e) {
        return new CalendarFeedToken(FeedTokenId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                UserId.of(e.memberId), e.tokenHash, e.issuedAt, Optional.ofNullable(e.revokedAt));
    }
}
