package io.clientworkspace.insight;

import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import static java.util.Objects.requireNonNull;

/**
 * What a daily rollup row is about, inside a tenant: one workspace, the whole tenant, or one client user across
 * workspaces.
 *
 * @param kind the kind of scope
 * @param key  the workspace id, the user id, or {@link #TENANT_KEY} for the tenant; 1 to 100 characters
 */
public record InsightScope(Kind kind, String key) {

    /** The key of the tenant scope. */
    public static final String TENANT_KEY = "*";

    /** The kinds of scope. */
    public enum Kind {
        /** One workspace. */
        WORKSPACE,
        /** The whole tenant. */
        TENANT,
        /** One client user, across workspaces. */
        CLIENT_USER
    }

    public InsightScope {
        requireNonNull(kind, "kind must not be null");
        requireNonNull(key, "key must not be null");
        if (key.isEmpty() || key.length() > 100) {
            throw new IllegalArgumentException("key must hold 1 to 100 characters");
        }
        if ((kind == Kind.TENANT) != TENANT_KEY.equals(key)) {
            throw new IllegalArgumentException("the tenant scope, and only it, has the key " + TENANT_KEY);
        }
    }

    /** The scope of one workspace. */
    public static InsightScope workspace(WorkspaceId workspaceId) {
        return new InsightScope(Kind.WORKSPACE, requireNonNull(workspaceId, "workspaceId must not be null").value());
    }

    /** The scope of the whole tenant. */
    public static InsightScope tenant() {
        return new InsightScope(Kind.TENANT, TENANT_KEY);
    }

    /** The scope of one client user across workspaces. */
    public static InsightScope clientUser(UserId userId) {
        return new InsightScope(Kind.CLIENT_USER, requireNonNull(userId, "userId must not be null").value());
    }
}
