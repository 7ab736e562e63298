package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.member.PermissionMatrix;

import java.util.Optional;

/**
 * Stores a tenant's own permission matrix, when it replaced the default. At most one per tenant;
 * last write wins (changes are rare and made by tenant admins).
 */
public interface PermissionMatrixStore {

    /** The tenant's matrix, if it replaced the default. */
    Optional<PermissionMatrix> find(TenantId tenantId);

    /** Stores (or replaces) the tenant's matrix. */
    void save(TenantId tenantId, PermissionMatrix matrix);

    /** Removes the tenant's matrix, so the default applies again; does nothing if there is none. */
    void delete(TenantId tenantId);
}
