package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.member.ClientRole;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.ClientRoleStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ClientRoleStore} in memory. */
final class InMemoryClientRoleStore implements ClientRoleStore {

    private record Key(TenantId tenantId, String key) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, ClientRole> roles = new HashMap<>();

    InMemoryClientRoleStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    private static ClientRole withVersion(ClientRole r, long version) {
        return new ClientRole(r.tenantId(), r.key(), r.label(), r.base(), r.permissions(), version);
    }

    @Override
    public ClientRole insert(ClientRole role) {
        requireNonNull(role, "role must not be null");
        return tx.write(() -> {
            Key key = new Key(role.tenantId(), role.key());
            if (roles.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Client role '" + role.key() + "' already exists");
            }
            ClientRole stored = withVersion(role, 0);
            roles.put(key, stored);
            return new Undoable<>(stored, () -> roles.remove(key));
        });
    }

    @Override
    public ClientRole update(ClientRole role) {
        requireNonNull(role, "role must not be null");
        return tx.write(() -> {
            Key key = new Key(role.tenantId(), role.key());
            ClientRole current = roles.get(key);
            if (current == null || current.version() != role.version()) {
                throw ConflictException.staleVersion("client role", role.key(), role.version());
            }
            ClientRole stored = withVersion(role, current.version() + 1);
            roles.put(key, stored);
            return new Undoable<>(stored, () -> roles.put(key, current));
        });
    }

    @Override
    public Optional<ClientRole> find(TenantId tenantId, String key) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        return tx.read(() -> Optional.ofNullable(roles.get(new Key(tenantId, key))));
    }

    @Override
    public List<ClientRole> list(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx.read(() -> roles.values().stream()
                .filter(r -> r.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ClientRole::key))
                .toList());
    }

    @Override
    public void delete(TenantId tenantId, String key, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        tx.write(() -> {
            Key k = new Key(tenantId, key);
            ClientRole current = roles.get(k);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("client role", key, expectedVersion);
            }
            roles.remove(k);
            return new Undoable<Void>(null, () -> roles.put(k, current));
        });
    }
}
