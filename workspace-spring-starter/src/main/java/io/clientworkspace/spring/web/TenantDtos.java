package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON shapes of the caller's tenant, its team roster and its permission matrix (see {@link ApiDtos} for the
 * rules every body follows).
 */
public final class TenantDtos {

    private TenantDtos() {
    }

    /** The caller's tenant; {@code version} is also its ETag. */
    public record TenantDto(String id, String name, long version) {
        static TenantDto of(Tenant t) {
            return new TenantDto(t.id().value(), t.name(), t.version());
        }
    }

    /** A team user on the tenant's roster; {@code since} is when the user joined the roster. */
    public record TeamMemberDto(String userId, String role, Instant since, long version) {
        static TeamMemberDto of(TeamMember m) {
            return new TeamMemberDto(m.userId().value(), m.role().name(), m.addedAt(), m.version());
        }
    }

    /**
     * A permission matrix: for every workspace role (in the order of {@link WorkspaceRole}) the permissions it
     * grants, sorted by name as in {@code GET /workspaces/{id}/permissions}. Tenant admins are not in it: they
     * hold every permission in every workspace of their tenant.
     */
    public record PermissionMatrixDto(
            @Schema(description = "Workspace role -> the permissions it grants, e.g. {\"CLIENT_VIEWER\": [\"VIEW_WORKSPACE\"]}")
            Map<String, List<String>> roles) {
        static PermissionMatrixDto of(PermissionMatrix matrix) {
            Map<String, List<String>> roles = new LinkedHashMap<>();
            for (WorkspaceRole role : WorkspaceRole.values()) {
                roles.put(role.name(), matrix.permissionsOf(role).stream().map(Permission::name).sorted().toList());
            }
            return new PermissionMatrixDto(roles);
        }
    }

    /** Body of {@code PATCH /tenant}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RenameTenantRequest(@Nullable String name) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /tenant/team}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AddTeamMemberRequest(@Nullable String userId, @Nullable String role) implements RejectsUnknownFields {
    }

    /** Body of {@code PUT /tenant/team/{userId}}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChangeTeamRoleRequest(@Nullable String role) implements RejectsUnknownFields {
    }

    /**
     * Body of {@code PUT /tenant/permissions}: the whole matrix, every workspace role with the permissions it
     * grants (names in any letter case).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ReplacePermissionMatrixRequest(
            @Schema(description = "Every workspace role -> the permissions it grants")
            @Nullable Map<String, @Nullable List<@Nullable String>> roles) implements RejectsUnknownFields {

        /** Most field errors one answer lists; the rest are counted in one last error on {@code roles}. */
        static final int MAX_ERRORS = 20;

        /** Most unknown role names echoed when the body has more entries than there are workspace roles. */
        private static final int MAX_ECHOED_ROLES = 5;

        /** Longest role or permission name echoed in an error; longer ones are cut with "...". */
        private static final int MAX_ECHOED_NAME = 40;

        /**
         * The matrix this body describes, or a {@link ValidationException} naming every bad field: {@code roles}
         * when absent or when it has more entries than there are workspace roles (one error, naming a few of the
         * unknown ones), {@code roles.<ROLE>} for an
         * unknown or missing role, a role without its list, a list longer than there are permissions, unknown
         * permissions (one error per role, naming each unknown name once), or a grant the matrix's rules refuse
         * (every role keeps {@code VIEW_WORKSPACE}; client roles get no team-only permission). The errors are
         * bounded whatever the body: a bounded number of entries is parsed, equal errors are given once, at most
         * {@value #MAX_ERRORS} are listed (then one saying how many more), names echoed back are cut short, and the
         * valid names are listed at most once per error.
         */
        PermissionMatrix toDomain() {
            Map<String, @Nullable List<@Nullable String>> given = Inputs.required(roles, "roles");
            if (given.size() > WorkspaceRole.values().length) {
                List<String> unknown = given.keySet().stream().filter(k -> parse(WorkspaceRole.class, k) == null)
                        .limit(MAX_ECHOED_ROLES).map(k -> "'" + shortened(k) + "'").toList();
                throw new ValidationException(FieldError.of("roles", "has " + given.size() + " entries but there are "
                        + WorkspaceRole.values().length + " workspace roles (" + names(WorkspaceRole.class) + ")"
                        + (unknown.isEmpty() ? "" : "; not workspace roles: " + String.join(", ", unknown)
                        + (given.size() - WorkspaceRole.values().length > unknown.size() ? ", ..." : ""))));
            }
            Set<FieldError> errors = new LinkedHashSet<>();
            Map<WorkspaceRole, Set<Permission>> grants = new EnumMap<>(WorkspaceRole.class);
            given.forEach((name, permissions) -> {
                WorkspaceRole role = parse(WorkspaceRole.class, name);
                if (role == null) {
                    errors.add(FieldError.of("roles." + shortened(name), "is not a workspace role; one of "
                            + names(WorkspaceRole.class)));
                } else if (grants.containsKey(role)) {
                    errors.add(FieldError.of("roles." + role, "is given twice"));
                } else if (permissions == null) {
                    errors.add(FieldError.of("roles." + role, "must be a list of permissions"));
                } else if (permissions.size() > Permission.values().length) {
                    errors.add(FieldError.of("roles." + role, "lists " + permissions.size() + " permissions but there"
                            + " are " + Permission.values().length + ": " + names(Permission.class)));
                    grants.put(role, EnumSet.noneOf(Permission.class));
                } else {
                    EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
                    Set<String> unknown = new LinkedHashSet<>();
                    for (@Nullable String permissionName : permissions) {
                        Permission permission = permissionName == null ? null : parse(Permission.class, permissionName);
                        if (permission == null) {
                            unknown.add(permissionName == null ? "null" : "'" + shortened(permissionName) + "'");
                        } else {
                            set.add(permission);
                        }
                    }
                    if (!unknown.isEmpty()) {
                        errors.add(FieldError.of("roles." + role, String.join(", ", unknown)
                                + (unknown.size() == 1 ? " is not a permission" : " are not permissions")
                                + "; one of " + names(Permission.class)));
                    }
                    grants.put(role, set);
                }
            });
            for (WorkspaceRole role : WorkspaceRole.values()) {
                if (!grants.containsKey(role) && given.keySet().stream().noneMatch(k -> role == parse(WorkspaceRole.class, k))) {
                    errors.add(FieldError.of("roles." + role, "must be given (every role needs an entry)"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(capped(List.copyOf(errors)));
            }
            try {
                return PermissionMatrix.of(grants);
            } catch (ValidationException refused) {
                // The matrix names its fields "matrix.<ROLE>"; this body calls them "roles.<ROLE>".
                throw new ValidationException(capped(refused.fieldErrors().stream()
                        .map(f -> FieldError.of(f.field().replaceFirst("^matrix\\.", "roles."), f.message()))
                        .distinct().toList()));
            }
        }

        /** The first {@value #MAX_ERRORS} errors, and one on {@code roles} counting the others if there are any. */
        static List<FieldError> capped(List<FieldError> errors) {
            if (errors.size() <= MAX_ERRORS) {
                return errors;
            }
            List<FieldError> shown = new ArrayList<>(errors.subList(0, MAX_ERRORS));
            shown.add(FieldError.of("roles", "...and " + (errors.size() - MAX_ERRORS) + " more errors"));
            return shown;
        }

        /** A name from the body, cut to {@value #MAX_ECHOED_NAME} characters. */
        private static String shortened(String name) {
            return name.length() <= MAX_ECHOED_NAME ? name : name.substring(0, MAX_ECHOED_NAME) + "...";
        }

        private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
            try {
                return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        private static String names(Class<? extends Enum<?>> type) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }
}
