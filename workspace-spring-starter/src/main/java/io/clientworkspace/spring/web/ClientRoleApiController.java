package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.ClientRole;
import io.clientworkspace.member.NewClientRole;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.web.RecordDtos.AssignClientRoleRequest;
import io.clientworkspace.spring.web.RecordDtos.ClientRoleDto;
import io.clientworkspace.spring.web.RecordDtos.DefineClientRoleRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.MemberDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A tenant's custom client roles (the team on the roster reads them; tenant admins define and remove them) and
 * their assignment to a workspace's client members (MANAGE_MEMBERS). A custom role grants exactly its permissions
 * (always VIEW_WORKSPACE, never a team-only one) and ranks as its base client role. Versions are ETags; If-Match is
 * optional. A role that memberships hold cannot be removed (409, the detail says how many).
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class ClientRoleApiController implements KitController {

    /** The most permission names a request may list. */
    private static final int MAX_PERMISSIONS = 100;

    private final WorkspaceKit kit;

    public ClientRoleApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The tenant's custom client roles, by key. */
    @Operation(summary = "The tenant's custom client roles")
    @GetMapping("/tenant/client-roles")
    public List<ClientRoleDto> list(Actor actor) {
        return kit.accessPolicies().clientRoles(actor).stream().map(ClientRoleDto::of).toList();
    }

    /** Defines or redefines a custom client role; 201 when it is new. */
    @Operation(summary = "Define or redefine a custom client role (tenant admins; If-Match optional)")
    @PutMapping("/tenant/client-roles/{key}")
    public ResponseEntity<ClientRoleDto> define(Actor actor, @PathVariable String key,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                @RequestBody DefineClientRoleRequest body) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        NewClientRole definition = definition(key, body);
        boolean existed = ClientRole.KEY.matcher(key).matches()
                && kit.accessPolicies().clientRole(actor, key).isPresent();
        ClientRole role = kit.accessPolicies().defineClientRole(actor, definition, expected);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).eTag(Inputs.etag(role.version()))
                .body(ClientRoleDto.of(role));
    }

    /** Removes a custom client role nobody holds. */
    @Operation(summary = "Remove a custom client role that no membership holds (tenant admins; If-Match optional)")
    @DeleteMapping("/tenant/client-roles/{key}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String key,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        kit.accessPolicies().removeClientRole(actor, key, Inputs.optionalIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /** Gives a client member a custom client role, or takes it away ({@code null}). */
    @Operation(summary = "Give a client member a custom client role, or null to take it away")
    @PutMapping("/workspaces/{workspaceId}/members/{userId}/client-role")
    public MemberDto assign(Actor actor, @PathVariable String workspaceId, @PathVariable String userId,
                           @RequestBody AssignClientRoleRequest body) {
        return MemberDto.of(kit.members().assignClientRole(actor, WorkspaceId.of(workspaceId), UserId.of(userId),
                Optional.ofNullable(body.clientRole())));
    }

    /** The definition of a PUT, naming every field that cannot be read at once. */
    static NewClientRole definition(String key, DefineClientRoleRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.label() == null) {
            errors.add(FieldError.of("label", "is required"));
        }
        WorkspaceRole base = null;
        try {
            base = Inputs.enumValue(body.base(), WorkspaceRole.class, "base");
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (body.permissions() == null) {
            errors.add(FieldError.of("permissions", "is required"));
        } else if (body.permissions().size() > MAX_PERMISSIONS) {
            errors.add(FieldError.of("permissions", "must list at most " + MAX_PERMISSIONS + " permissions"));
        } else {
            boolean unknown = false;
            for (String name : body.permissions()) {
                try {
                    permissions.add(Permission.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    unknown = true;
                }
            }
            if (unknown) {
                errors.add(FieldError.of("permissions", "names a permission that does not exist; permissions are "
                        + String.join(", ", java.util.Arrays.stream(Permission.values()).map(Enum::name).toList())));
            }
        }
        if (!errors.isEmpty() || base == null || body.label() == null) {
            throw new ValidationException(errors);
        }
        return new NewClientRole(key, body.label(), base, permissions);
    }
}
