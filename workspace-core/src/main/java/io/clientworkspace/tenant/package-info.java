/**
 * Tenants, the host's customer organisations, and their team rosters with tenant-level roles.
 *
 * <p>Tenant-level roles decide what a team user may do across the tenant:
 * {@link io.clientworkspace.tenant.TenantRole#TENANT_ADMIN} sees and manages every workspace,
 * {@link io.clientworkspace.tenant.TenantRole#ACCOUNT_MANAGER} may also create workspaces, and
 * {@link io.clientworkspace.tenant.TenantRole#TEAM_MEMBER} sees only the workspaces it is a member of.
 */
@NullMarked
package io.clientworkspace.tenant;

import org.jspecify.annotations.NullMarked;
