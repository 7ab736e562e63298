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

        /**
         * The matrix this body describes, or a {@link ValidationException} naming every bad field: {@code roles}
         * when absent, {@code roles.<ROLE>} for an unknown or missing role, a role without its list, an unknown
         * permission, or a grant the matrix's rules refuse (every role keeps {@code VIEW_WORKSPACE}; client roles
         * get no team-only permission).
         */
        PermissionMatrix toDomain() {
            Map<String, @Nullable List<@Nullable String>> given = Inputs.required(roles, "roles");
            List<FieldError> errors = new ArrayList<>();
            Map<WorkspaceRole, Set<Permission>> grants = new EnumMap<>(WorkspaceRole.class);
            given.forEach((name, permissions) -> {
                WorkspaceRole role = parse(WorkspaceRole.class, name);
                if (role == null) {
                    errors.add(FieldError.of("roles." + name, "is not a workspace role; one of " + names(WorkspaceRole.class)));
                } else if (grants.containsKey(role)) {
                    errors.add(FieldError.of("roles." + role, "is given twice"));
                } else if (permissions == null) {
                    errors.add(FieldError.of("roles." + role, "must be a list of permissions"));
                } else {
                    EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
                    for (@Nullable String permissionName : permissions) {
                        Permission permission = permissionName == null ? null : parse(Permission.class, permissionName);
                        if (permission == null) {
                            errors.add(FieldError.of("roles." + role, "'" + permissionName + "' is not a permission; one of "
                                    + names(Permission.class)));
                        } else {
                            set.add(permission);
                        }
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
                throw new ValidationException(errors);
            }
            try {
                return PermissionMatrix.of(grants);
            } catch (ValidationException refused) {
                // The matrix names its fields "matrix.<ROLE>"; this body calls them "roles.<ROLE>".
                throw new ValidationException(refused.fieldErrors().stream()
                        .map(f -> FieldError.of(f.field().replaceFirst("^matrix\\.", "roles."), f.message())).toList());
            }
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
