package io.clientworkspace.member;

import io.clientworkspace.tenant.TenantRole;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What one actor may do in one workspace, and why.
 *
 * @param tenantRole    the actor's tenant-level role, for team actors on the roster
 * @param workspaceRole the actor's role in the workspace, if it is a member
 * @param permissions   every permission held (unmodifiable); empty means the actor may not even see the workspace
 */
public record AccessGrant(Optional<TenantRole> tenantRole, Optional<WorkspaceRole> workspaceRole,
                          Set<Permission> permissions) {

    private static final AccessGrant NONE = new AccessGrant(Optional.empty(), Optional.empty(), Set.of());

    public AccessGrant {
        requireNonNull(tenantRole, "tenantRole must not be null");
        requireNonNull(workspaceRole, "workspaceRole must not be null");
        requireNonNull(permissions, "permissions must not be null");
        permissions = permissions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    /** No access at all. */
    public static AccessGrant none() {
        return NONE;
    }

    /** Whether the grant includes {@code permission}. */
    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether the actor may see the workspace at all. */
    public boolean canView() {
        return permissions.contains(Permission.VIEW_WORKSPACE);
    }
}
