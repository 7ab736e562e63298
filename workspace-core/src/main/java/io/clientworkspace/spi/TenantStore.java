package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.tenant.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

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

    /**
     * Up to {@code limit} tenants whose name equals {@code name} exactly (case-sensitive), ordered by id.
     *
     * <p>The default implementation pages through {@link #list} and compares names, so a store written
     * before this method existed keeps working; it reads every tenant, so a store with many tenants should
     * override it with an indexed query (the in-memory and JPA stores do).
     */
    default List<Tenant> findByName(String name, int limit) {
        requireNonNull(name, "name must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        List<Tenant> matches = new ArrayList<>();
        Optional<TenantId> after = Optional.empty();
        while (matches.size() < limit) {
            List<Tenant> page = list(after, TenantStoreDefaults.FIND_BY_NAME_PAGE);
            for (Tenant tenant : page) {
                if (tenant.name().equals(name) && matches.size() < limit) {
                    matches.add(tenant);
                }
            }
            if (page.size() < TenantStoreDefaults.FIND_BY_NAME_PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return List.copyOf(matches);
    }
}
