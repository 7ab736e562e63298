package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.template.WorkspaceOrigin;

import java.util.Optional;

/**
 * Stores which template version made which workspace, for which external reference of the host. Rows are written
 * once, in the unit of work that makes the workspace, and never changed or deleted (they go with their tenant).
 * Every call is scoped by the tenant.
 *
 * <p>The uniqueness of (tenant, external reference) is what makes creation from a template idempotent across
 * nodes: of two units of work inserting the same reference, exactly one commits; the other fails and changes
 * nothing. A relational implementation therefore needs a unique constraint on (tenant, external_ref), and a
 * primary key on (tenant, workspace); a constraint violation must surface from {@link #insert} or from the commit
 * of the unit of work as the documented {@link io.clientworkspace.ConflictException} (the kit then re-reads the
 * winner's origin in a new unit of work).
 */
public interface WorkspaceOriginStore {

    /**
     * Stores the origin of a new workspace.
     *
     * @throws io.clientworkspace.ConflictException {@code DUPLICATE_EXTERNAL_REF} if the tenant already has an
     *                                              origin with this external reference; {@code ALREADY_EXISTS} if
     *                                              the workspace already has an origin; nothing is stored then
     */
    WorkspaceOrigin insert(WorkspaceOrigin origin);

    /** The origin of the workspace, if a template made it. */
    Optional<WorkspaceOrigin> find(TenantId tenantId, WorkspaceId workspaceId);

    /** The origin recorded for the host's external reference (compared exactly), if any. */
    Optional<WorkspaceOrigin> findByExternalRef(TenantId tenantId, String externalRef);
}
