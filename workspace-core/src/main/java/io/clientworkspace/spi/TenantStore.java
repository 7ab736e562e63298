package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.tenant.Tenant;

import java.util.List;
import java.util.Optional;

/** Stores tenants. A tenant's own id is its scope. */
public interface TenantStore {

    /**
     * Stores a new tenant at version 0.
     *
     * @return the stored tenant
     * @throws io.clientworkspace.ConflictException ({@code ALREADY_EXISTS}) if the id is taken
     */
    Tenant insert(Tenant tenant);

    /**
     * Replaces a tenant whose stored version equals {@code tenant.version()}.
     *
     * @return the stored tenant, at {@code version + 1}
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) if the version differs or the tenant is gone
     */
    Tenant update(Tenant tenant);

    /** The tenant with this id. */
    Optional<Tenant> find(TenantId id);

    /**
     * Like {@link #find}, and inside a unit of work also locks the tenant until the unit of work ends,
     * so that roster changes checking "at least one tenant admin" run one after another.
     */
    default Optional<Tenant> findForUpdate(TenantId id) {
        return find(id);
    }

    /** Up to {@code limit} tenants with ids greater than {@code after}, ordered by id. */
    List<Tenant> list(Optional<TenantId> after, int limit);
}
