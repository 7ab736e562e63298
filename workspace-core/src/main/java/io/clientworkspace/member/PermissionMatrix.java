package io.clientworkspace.member;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.clientworkspace.member.Permission.*;
import static java.util.Objects.requireNonNull;

/**
 * Which permissions each workspace role grants. Immutable.
 *
 * <p>Every matrix, the default or one a tenant configures, keeps two rules, checked on creation:
 * every role grants {@link Permission#VIEW_WORKSPACE}, and no client role grants a
 * {@linkplain Permission#teamOnly() team-only} permission. Tenant admins are not in the matrix: they
 * hold every permission in every workspace of their tenant.
 */
public final class PermissionMatrix {

    private static final PermissionMatrix DEFAULTS = new PermissionMatrix(defaultGrants());

    private final Map<WorkspaceRole, Set<Permission>> grants;

    private PermissionMatrix(Map<WorkspaceRole, Set<Permission>> grants) {
        EnumMap<WorkspaceRole, Set<Permission>> copy = new EnumMap<>(WorkspaceRole.class);
        List<FieldError> errors = new ArrayList<>();
        for (WorkspaceRole role : WorkspaceRole.values()) {
            Set<Permission> permissions = grants.get(role);
            if (permissions == null) {
                errors.add(FieldError.of("matrix." + role, "must be given (every role needs an entry)"));
                continue;
            }
            EnumSet<Permission> set = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
            if (!set.contains(VIEW_WORKSPACE)) {
                errors.add(FieldError.of("matrix." + role, "must include VIEW_WORKSPACE"));
            }
            if (role.isClientRole()) {
                set.stream().filter(Permission::teamOnly).forEach(p ->
                        errors.add(FieldError.of("matrix." + role, p + " is team-only and cannot be granted to a client role")));
            }
            copy.put(role, Collections.unmodifiableSet(set));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        this.grants = Collections.unmodifiableMap(copy);
    }

    /** The default matrix, as printed in the README. */
    public static PermissionMatrix defaults() {
        return DEFAULTS;
    }

    /**
     * A matrix with exactly these grants; every role must be present.
     *
     * @throws ValidationException if a role is missing, lacks VIEW_WORKSPACE, or a client role is
     *                             given a team-only permission
     */
    public static PermissionMatrix of(Map<WorkspaceRole, ? extends Set<Permission>> grants) {
        requireNonNull(grants, "grants must not be null");
        return new PermissionMatrix(new EnumMap<>(grants));
    }

    /** A copy in which {@code role} grants exactly {@code permissions}. */
    public PermissionMatrix with(WorkspaceRole role, Set<Permission> permissions) {
        requireNonNull(role, "role must not be null");
        requireNonNull(permissions, "permissions must not be null");
        EnumMap<WorkspaceRole, Set<Permission>> copy = new EnumMap<>(grants);
        copy.put(role, permissions);
        return new PermissionMatrix(copy);
    }

    /** The permissions a role grants (unmodifiable). */
    public Set<Permission> permissionsOf(WorkspaceRole role) {
        // The constructor refuses a matrix that lacks a role, so every role has its set.
        return requireNonNull(grants.get(requireNonNull(role, "role must not be null")), "every role has its grants");
    }

    /** Whether {@code role} grants {@code permission}. */
    public boolean grants(WorkspaceRole role, Permission permission) {
        return permissionsOf(role).contains(permission);
    }

    /** The whole matrix, by role (unmodifiable). */
    public Map<WorkspaceRole, Set<Permission>> asMap() {
        return grants;
    }

    private static Map<WorkspaceRole, Set<Permission>> defaultGrants() {
        Map<WorkspaceRole, Set<Permission>> m = new EnumMap<>(WorkspaceRole.class);
        m.put(WorkspaceRole.LEAD, EnumSet.allOf(Permission.class));
        m.put(WorkspaceRole.MEMBER, EnumSet.of(VIEW_WORKSPACE, VIEW_INTERNAL, UPLOAD_FILES, DELETE_FILES,
                REQUEST_APPROVALS, DECIDE_APPROVALS, POST_MESSAGES, POST_INTERNAL_NOTES, SUBMIT_REQUESTS,
                MANAGE_REQUESTS, MANAGE_PROJECTS, VIEW_DASHBOARD, COMPLETE_TASKS, VIEW_BILLING, MANAGE_RECORDS));
        m.put(WorkspaceRole.CLIENT_ADMIN, EnumSet.of(VIEW_WORKSPACE, INVITE_CLIENTS, UPLOAD_FILES, DELETE_FILES,
                DECIDE_APPROVALS, POST_MESSAGES, SUBMIT_REQUESTS, EXPORT, COMPLETE_TASKS, VIEW_BILLING));
        m.put(WorkspaceRole.CLIENT_CONTRIBUTOR, EnumSet.of(VIEW_WORKSPACE, UPLOAD_FILES, DECIDE_APPROVALS,
                POST_MESSAGES, SUBMIT_REQUESTS, COMPLETE_TASKS));
        m.put(WorkspaceRole.CLIENT_VIEWER, EnumSet.of(VIEW_WORKSPACE));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionMatrix other && grants.equals(other.grants);
    }

    @Override
    public int hashCode() {
        return grants.hashCode();
    }

    @Override
    public String toString() {
        return "PermissionMatrix" + grants;
    }
}
