package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.InvitationStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link InvitationStore} in memory. */
final class InMemoryInvitationStore implements InvitationStore {

    private record Key(TenantId tenantId, InvitationId id) {
    }

    private record HashKey(TenantId tenantId, String tokenHash) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Invitation> byId = new HashMap<>();
    private final Map<HashKey, InvitationId> byHash = new HashMap<>();

    public InMemoryInvitationStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Invitation insert(Invitation invitation) {
        requireNonNull(invitation, "invitation must not be null");
        return tx.write(() -> {
            Key key = new Key(invitation.tenantId(), invitation.id());
            HashKey hashKey = new HashKey(invitation.tenantId(), invitation.tokenHash());
            if (byId.containsKey(key) || byHash.containsKey(hashKey)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Invitation '" + invitation.id() + "' (or its token) already exists");
            }
            Invitation stored = withVersion(invitation, 0);
            byId.put(key, stored);
            byHash.put(hashKey, stored.id());
            return new Undoable<>(stored, () -> {
                byId.remove(key);
                byHash.remove(hashKey);
            });
        });
    }

    @Override
    public Invitation update(Invitation invitation) {
        requireNonNull(invitation, "invitation must not be null");
        return tx.write(() -> {
            Key key = new Key(invitation.tenantId(), invitation.id());
            Invitation current = byId.get(key);
            if (current == null || current.version() != invitation.version()
                    || !current.workspaceId().equals(invitation.workspaceId())) {
                throw ConflictException.staleVersion("invitation", invitation.id().value(), invitation.version());
            }
            // The token hash, workspace and creation facts never change.
            Invitation stored = new Invitation(current.id(), current.tenantId(), current.workspaceId(), current.email(),
                    current.role(), current.tokenHash(), current.invitedBy(), current.createdAt(), current.expiresAt(),
                    invitation.status(), invitation.acceptedBy(), invitation.resolvedAt(), current.version() + 1);
            byId.put(key, stored);
            return new Undoable<>(stored, () -> byId.put(key, current));
        });
    }

    @Override
    public Optional<Invitation> find(TenantId tenantId, WorkspaceId workspaceId, InvitationId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(byId.get(new Key(tenantId, id)))
                .filter(i -> i.workspaceId().equals(workspaceId)));
    }

    @Override
    public Optional<Invitation> findByTokenHash(TenantId tenantId, String tokenHash) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        return tx.read(() -> Optional.ofNullable(byHash.get(new HashKey(tenantId, tokenHash)))
                .map(id -> byId.get(new Key(tenantId, id))));
    }

    @Override
    public List<Invitation> listPending(TenantId tenantId, WorkspaceId workspaceId, Instant now,
                                        Optional<InvitationId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(now, "now must not be null");
        requireNonNull(after, "after must not be null");
        return tx.read(() -> {
            TreeMap<InvitationId, Invitation> sorted = new TreeMap<>();
            byId.values().stream()
                    .filter(i -> i.tenantId().equals(tenantId) && i.workspaceId().equals(workspaceId))
                    .filter(i -> i.status() == InvitationStatus.PENDING && i.expiresAt().isAfter(now))
                    .filter(i -> after.isEmpty() || i.id().compareTo(after.get()) > 0)
                    .forEach(i -> sorted.put(i.id(), i));
            return sorted.values().stream().limit(limit).toList();
        });
    }

    private static Invitation withVersion(Invitation i, long version) {
        return new Invitation(i.id(), i.tenantId(), i.workspaceId(), i.email(), i.role(), i.tokenHash(), i.invitedBy(),
                i.createdAt(), i.expiresAt(), i.status(), i.acceptedBy(), i.resolvedAt(), version);
    }
}
