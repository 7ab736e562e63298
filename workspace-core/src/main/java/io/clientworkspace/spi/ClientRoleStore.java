package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.member.ClientRole;

import java.util.List;
import java.util.Optional;

/**
 * Stores the custom client roles of tenants, keyed by (tenant, key). Every call names the tenant; a role is never
 * found, listed or changed under another tenant. Permissions unknown to the running version (stored by a newer one)
 * are dropped on read.
 */
public interface ClientRoleStore {

    /**
     * Stores a new role at version 0 (whatever {@code role.version()} says) and returns it as stored.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the tenant already has that key
     */
    ClientRole insert(ClientRole role);

    /**
     * Replaces the tenant's role of {@code role.key()} whose stored version equals {@code role.version()}, storing it
     * at that version plus one, and returns it as stored.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if there is no such role or its version
     *                                              differs (nothing changes then)
     */
    ClientRole update(ClientRole role);

    /** The tenant's role of {@code key}. */
    Optional<ClientRole> find(TenantId tenantId, String key);

    /**
     * Like {@link #find}, and inside a unit of work locks the role's row until it ends (a JPA implementation uses a
     * pessimistic write lock), so that defining, removing and assigning one role serialise on it. The default is
     * {@link #find}, enough for a store whose units of work are serialized.
     */
    default Optional<ClientRole> findForUpdate(TenantId tenantId, String key) {
        return find(tenantId, key);
    }

    /** Every role of the tenant, by key (a tenant holds at most a few hundred). */
    List<ClientRole> list(TenantId tenantId);

    /**
     * Removes the tenant's role of {@code key} whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if there is no such role or its version
     *                                              differs (nothing changes then)
     */
    void delete(TenantId tenantId, String key, long expectedVersion);
}
