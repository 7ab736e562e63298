package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.template.WorkspaceOrigin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link WorkspaceOriginStore} in memory. */
final class InMemoryWorkspaceOriginStore implements WorkspaceOriginStore {

    private record ByWorkspace(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private record ByRef(TenantId tenantId, String externalRef) {
    }

    private final InMemoryTransactions tx;
    private final Map<ByWorkspace, WorkspaceOrigin> byWorkspace = new HashMap<>();
    private final Map<ByRef, WorkspaceOrigin> byRef = new HashMap<>();

    InMemoryWorkspaceOriginStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public WorkspaceOrigin insert(WorkspaceOrigin origin) {
        requireNonNull(origin, "origin must not be null");
        return tx.write(() -> {
            ByWorkspace workspaceKey = new ByWorkspace(origin.tenantId(), origin.workspaceId());
            ByRef refKey = new ByRef(origin.tenantId(), origin.externalRef());
            if (byRef.containsKey(refKey)) {
                throw new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF,
                        "A workspace was already made from a template for external reference '"
                                + origin.externalRef() + "'");
            }
            if (byWorkspace.containsKey(workspaceKey)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Workspace '" + origin.workspaceId() + "' already has an origin");
            }
            byWorkspace.put(workspaceKey, origin);
            byRef.put(refKey, origin);
            return new Undoable<>(origin, () -> {
                byWorkspace.remove(workspaceKey);
                byRef.remove(refKey);
            });
        });
    }

    @Override
    public Optional<WorkspaceOrigin> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> Optional.ofNullable(byWorkspace.get(new ByWorkspace(tenantId, workspaceId))));
    }

    @Override
    public Optional<WorkspaceOrigin> findByExternalRef(TenantId tenantId, String externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return tx.read(() -> Optional.ofNullable(byRef.get(new ByRef(tenantId, externalRef))));
    }
}
