package io.clientworkspace.member;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A client role's definition as a tenant admin gives it to {@link AccessPolicyService#defineClientRole}; checked
 * there as {@link ClientRole} documents.
 *
 * @param key         the role's key
 * @param label       what people read
 * @param base        a CLIENT_* role
 * @param permissions what it grants
 */
public record NewClientRole(String key, String label, WorkspaceRole base, Set<Permission> permissions) {

    public NewClientRole {
        requireNonNull(key, "key must not be null");
        requireNonNull(label, "label must not be null");
        requireNonNull(base, "base must not be null");
        permissions = Set.copyOf(requireNonNull(permissions, "permissions must not be null"));
    }
}
