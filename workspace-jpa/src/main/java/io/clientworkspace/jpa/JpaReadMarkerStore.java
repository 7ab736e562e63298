package io.clientworkspace.jpa;

import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.ReadMarkerEntity;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.ReadMarkerStore;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ReadMarkerStore} on JPA: one row per (tenant, workspace, user, conversation). {@link #save} updates the
 * row when it exists and inserts it otherwise; two concurrent first saves of one marker conflict on the primary
 * key (the service moves a marker only forward, so the loser's retry is harmless).
 */
public final class JpaReadMarkerStore extends JpaStoreSupport implements ReadMarkerStore {

    public JpaReadMarkerStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ReadMarker save(ReadMarker marker) {
        requireNonNull(marker, "marker must not be null");
        return tx(() -> {
            ReadMarkerEntity.Key key = key(marker.tenantId(), marker.workspaceId(), marker.userId(), marker.conversationId());
            ReadMarkerEntity e = em().find(ReadMarkerEntity.class, key);
            String id = marker.conversationId().value();
            if (e == null) {
                e = new ReadMarkerEntity(marker.tenantId().value(), marker.workspaceId().value(),
                        marker.userId().value(), id);
                copy(marker, e);
                return toDomain(insert(e, "read marker", id));
            }
            copy(marker, e);
            return toDomain(saveManaged(e, "read marker", id));
        });
    }

    @Override
    public Optional<ReadMarker> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        return tx(() -> Optional.ofNullable(em().find(ReadMarkerEntity.class, key(tenantId, workspaceId, userId, conversationId)))
                .map(e -> mapDetached(e, JpaReadMarkerStore::toDomain)));
    }

    private static void copy(ReadMarker marker, ReadMarkerEntity e) {
        e.lastRead = marker.lastRead().value();
        e.at = marker.at();
    }

    private static ReadMarkerEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
        return new ReadMarkerEntity.Key(tenantId.value(), workspaceId.value(), userId.value(), conversationId.value());
    }

    static ReadMarker toDomain(ReadMarkerEntity e) {
        return new ReadMarker(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), UserId.of(e.userId),
                ConversationId.of(e.conversationId), MessageId.of(e.lastRead), e.at);
    }
}
