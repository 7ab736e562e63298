package io.clientworkspace.memory;

import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.ReadMarkerStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ReadMarkerStore} in memory. */
final class InMemoryReadMarkerStore implements ReadMarkerStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, ReadMarker> markers = new HashMap<>();

    InMemoryReadMarkerStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public ReadMarker save(ReadMarker marker) {
        requireNonNull(marker, "marker must not be null");
        return tx.write(() -> {
            Key key = new Key(marker.tenantId(), marker.workspaceId(), marker.userId(), marker.conversationId());
            ReadMarker before = markers.get(key);
            if (before != null && before.lastRead().compareTo(marker.lastRead()) >= 0) {
                return new Undoable<>(before, () -> {
                });
            }
            markers.put(key, marker);
            return new Undoable<>(marker, () -> {
                if (before == null) {
                    markers.remove(key);
                } else {
                    markers.put(key, before);
                }
            });
        });
    }

    @Override
    public Optional<ReadMarker> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId,
                                     ConversationId conversationId) {
        return tx.read(() -> Optional.ofNullable(markers.get(new Key(tenantId, workspaceId, userId, conversationId))));
    }

    /** For the message store's unread counts, inside its read. */
    Optional<ReadMarker> peek(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
        return Optional.ofNullable(markers.get(new Key(tenantId, workspaceId, userId, conversationId)));
    }
}
