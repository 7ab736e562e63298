package io.clientworkspace.tenant;

/** A team user's role across the whole tenant. */
public enum TenantRole {
    /** Sees and manages every workspace of the tenant, the team roster and the permission matrix. */
    TENANT_ADMIN,
    /** May create workspaces; sees only workspaces it is a member of. */
    ACCOUNT_MANAGER,
    /** Sees only workspaces it is a member of. */
    TEAM_MEMBER;

    /** Whether this role may create new workspaces. */
    public boolean canCreateWorkspaces() {
        return this == TENANT_ADMIN || this == ACCOUNT_MANAGER;
    }
}
