package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.tenant.Tenant;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link TenantStore} in memory. */
public final class InMemoryTenantStore implements TenantStore {

    private final InMemoryTransactions tx;
    private final TreeMap<TenantId, Tenant> tenants = new TreeMap<>();

    public InMemoryTenantStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Tenant insert(Tenant tenant) {
        requireNonNull(tenant, "tenant must not be null");
        return tx.write(() -> {
            if (tenants.containsKey(tenant.id())) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Tenant '" + tenant.id() + "' already exists");
            }
            Tenant stored = new Tenant(tenant.id(), tenant.name(), tenant.createdAt(), 0);
            tenants.put(stored.id(), stored);
            return new Undoable<>(stored, () -> tenants.remove(stored.id()));
        });
    }

    @Override
    public Tenant update(Tenant tenant) {
        requireNonNull(tenant, "tenant must not be null");
        return tx.write(() -> {
            Tenant current = tenants.get(tenant.id());
            if (current == null || current.version() != tenant.version()) {
                throw ConflictException.staleVersion("tenant", tenant.id().value(), tenant.version());
            }
            Tenant stored = new Tenant(tenant.id(), tenant.name(), current.createdAt(), current.version() + 1);
            tenants.put(stored.id(), stored);
            return new Undoable<>(stored, () -> tenants.put(current.id(), current));
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(tenants.get(id)));
    }

    @Override
    public List<Tenant> list(Optional<TenantId> after, int limit) {
        requireNonNull(after, "after must not be null");
        return tx.read(() -> (after.isPresent() ? tenants.tailMap(after.get(), false) : tenants)
                .values().stream().limit(limit).toList());
    }

    /** Scans the tenants in id order (a map lookup per tenant; the in-memory store is for dev and tests). */
    @Override
    public List<Tenant> findByName(String name, int limit) {
        requireNonNull(name, "name must not be null");
        return tx.read(() -> tenants.values().stream().filter(t -> t.name().equals(name)).limit(limit).toList());
    }
}
