package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.PermissionMatrixStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link PermissionMatrixStore} in memory. */
final class InMemoryPermissionMatrixStore implements PermissionMatrixStore {

    private final InMemoryTransactions tx;
    private final Map<TenantId, PermissionMatrix> matrices = new HashMap<>();

    public InMemoryPermissionMatrixStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Optional<PermissionMatrix> find(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx.read(() -> Optional.ofNullable(matrices.get(tenantId)));
    }

    @Override
    public void save(TenantId tenantId, PermissionMatrix matrix) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(matrix, "matrix must not be null");
        tx.write(() -> {
            PermissionMatrix previous = matrices.put(tenantId, matrix);
            return new Undoable<>(null, () -> restore(tenantId, previous));
        });
    }

    @Override
    public void delete(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        tx.write(() -> {
            PermissionMatrix previous = matrices.remove(tenantId);
            return new Undoable<>(null, () -> restore(tenantId, previous));
        });
    }

    private void restore(TenantId tenantId, @org.jspecify.annotations.Nullable PermissionMatrix previous) {
        if (previous == null) {
            matrices.remove(tenantId);
        } else {
            matrices.put(tenantId, previous);
        }
    }
}
