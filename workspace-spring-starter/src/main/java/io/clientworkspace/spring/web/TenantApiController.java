package io.clientworkspace.spring.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.TenantDtos.AddTeamMemberRequest;
import io.clientworkspace.spring.web.TenantDtos.ChangeTeamRoleRequest;
import io.clientworkspace.spring.web.TenantDtos.RenameTenantRequest;
import io.clientworkspace.spring.web.TenantDtos.TeamMemberDto;
import io.clientworkspace.spring.web.TenantDtos.TenantDto;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * The caller's tenant and its team roster, through {@link io.clientworkspace.tenant.TenantService}: team users on
 * the roster read them, tenant admins change them (others get 403 {@code access-denied}), client users get the
 * 404 of a tenant they cannot see. The caller is checked before the request body, so a client gets its 404 and a
 * team user who is no tenant admin its 403 whatever it sends (a body that is not even JSON excepted: Spring MVC
 * reads that before the controller runs). A tenant always keeps one tenant admin: demoting or removing the last one is
 * 409 {@code conflict} with reason {@code LAST_TENANT_ADMIN}.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/tenant")
public class TenantApiController implements KitController {

    private final WorkspaceKit kit;

    public TenantApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The caller's tenant, with its version as ETag. */
    @Operation(summary = "The caller's tenant (team on the roster)")
    @GetMapping
    public ResponseEntity<TenantDto> get(Actor actor) {
        return withETag(kit.tenants().get(actor));
    }

    /** Renames the caller's tenant; tenant admins only; needs If-Match. */
    @Operation(summary = "Rename the tenant (tenant admins; If-Match)")
    @PatchMapping
    public ResponseEntity<TenantDto> rename(Actor actor,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                            @RequestBody RenameTenantRequest body) {
        requireTenantAdmin(kit, actor, "rename the tenant");
        long expectedVersion = Inputs.ifMatch(ifMatch);
        return withETag(kit.tenants().rename(actor, Inputs.required(body.name(), "name"), expectedVersion));
    }

    /** The team roster, by user id. */
    @Operation(summary = "The tenant's team roster (team on the roster)")
    @GetMapping("/team")
    public PageDto<TeamMemberDto> team(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                       @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.tenants().team(actor, WorkspaceApiController.page(cursor, limit)), TeamMemberDto::of);
    }

    /** One user of the team roster. */
    @Operation(summary = "One user of the team roster (team on the roster)")
    @GetMapping("/team/{userId}")
    public TeamMemberDto teamMember(Actor actor, @PathVariable String userId) {
        return kit.tenants().findTeamMember(actor, UserId.of(userId)).map(TeamMemberDto::of)
                .orElseThrow(() -> new NotFoundException("team member", userId));
    }

    /**
     * Adds a team user to the roster; 409 when the user is on it already. A user id with a {@code /}, {@code \}
     * or {@code ;} is 400 on {@code userId}: {@code /tenant/team/{userId}} could not address it afterwards. The
     * Location header carries the user id percent-encoded.
     */
    @Operation(summary = "Add a team user to the roster (tenant admins)")
    @PostMapping("/team")
    public ResponseEntity<TeamMemberDto> addTeamMember(Actor actor, @RequestBody AddTeamMemberRequest body) {
        requireTenantAdmin(kit, actor, "add a team member");
        String userId = Inputs.required(body.userId(), "userId");
        if (userId.chars().anyMatch(c -> c == '/' || c == '\\' || c == ';')) {
            throw new ValidationException(FieldError.of("userId", "must not contain '/', '\\' or ';': the team user"
                    + " could not be addressed as /tenant/team/{userId} afterwards"));
        }
        TeamMember added = kit.tenants().addTeamMember(actor, UserId.of(userId),
                Inputs.enumValue(body.role(), TenantRole.class, "role"));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .pathSegment(UriUtils.encodePathSegment(added.userId().value(), StandardCharsets.UTF_8))
                        .build(true).toUri())
                .body(TeamMemberDto.of(added));
    }

    /** Changes a team user's tenant role; the last tenant admin keeps the role. */
    @Operation(summary = "Change a team user's tenant role (tenant admins)")
    @PutMapping("/team/{userId}")
    public TeamMemberDto changeTeamRole(Actor actor, @PathVariable String userId, @RequestBody ChangeTeamRoleRequest body) {
        requireTenantAdmin(kit, actor, "change a team member's role");
        return TeamMemberDto.of(kit.tenants().changeTeamRole(actor, UserId.of(userId),
                Inputs.enumValue(body.role(), TenantRole.class, "role")));
    }

    /** Removes a team user from the roster; the last tenant admin stays. */
    @Operation(summary = "Remove a team user from the roster (tenant admins)")
    @DeleteMapping("/team/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeTeamMember(Actor actor, @PathVariable String userId) {
        kit.tenants().removeTeamMember(actor, UserId.of(userId));
    }

    private static ResponseEntity<TenantDto> withETag(Tenant tenant) {
        return ResponseEntity.ok().eTag(Inputs.etag(tenant.version())).body(TenantDto.of(tenant));
    }

    /**
     * Checks the caller before a request body is looked at, so that the answer does not depend on the body: a
     * client gets the 404 of a tenant it cannot see, a team user off the roster or without
     * {@link TenantRole#TENANT_ADMIN} a 403 (the service checks again when it changes anything).
     */
    static void requireTenantAdmin(WorkspaceKit kit, Actor actor, String what) {
        TeamMember self = kit.tenants().findTeamMember(actor, actor.userId())
                .orElseThrow(() -> new AccessDeniedException(actor, "a place on the tenant's team", what));
        if (self.role() != TenantRole.TENANT_ADMIN) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), what);
        }
    }
}
