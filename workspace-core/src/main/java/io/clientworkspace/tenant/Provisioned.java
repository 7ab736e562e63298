package io.clientworkspace.tenant;

import static java.util.Objects.requireNonNull;

/**
 * What {@link TenantService#provision} did.
 *
 * @param tenant  the tenant as stored now
 * @param created {@code true} if this call created it; {@code false} if it existed already (and was left
 *                unchanged)
 */
public record Provisioned(Tenant tenant, boolean created) {

    public Provisioned {
        requireNonNull(tenant, "tenant must not be null");
    }
}
