package io.clientworkspace.tenant;

import io.clientworkspace.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One of the host's customer organisations (an agency, a firm). Every other thing belongs to
 * exactly one tenant, and nothing is ever shared between tenants.
 *
 * @param id        the tenant's id
 * @param name      display name, 1 to 120 characters
 * @param createdAt when it was created
 * @param version   optimistic version, incremented by every store update
 */
public record Tenant(TenantId id, String name, Instant createdAt, long version) {

    public Tenant {
        requireNonNull(id, "id must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
    }

    /** A copy with another name. */
    public Tenant withName(String newName) {
        return new Tenant(id, newName, createdAt, version);
    }
}
