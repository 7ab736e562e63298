package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.TenantDtos.PermissionMatrixDto;
import io.clientworkspace.spring.web.TenantDtos.ReplacePermissionMatrixRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static java.util.Objects.requireNonNull;

/**
 * The tenant's permission matrix (which permissions each workspace role grants), through
 * {@link io.clientworkspace.member.AccessPolicyService}: team users on the roster read it, tenant admins replace or
 * reset it (others get 403 {@code access-denied}, checked before the body is validated), client users get the 404
 * of a tenant they cannot see (from {@link io.clientworkspace.member.AccessPolicyService} itself). A change applies
 * to every cached permission answer once it commits.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/tenant/permissions")
public class PermissionMatrixApiController implements KitController {

    private final WorkspaceKit kit;

    public PermissionMatrixApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The matrix in force for the caller's tenant. */
    @Operation(summary = "The tenant's permission matrix (team on the roster)")
    @GetMapping
    public PermissionMatrixDto matrix(Actor actor) {
        return PermissionMatrixDto.of(kit.accessPolicies().matrix(actor));
    }

    /** Replaces the whole matrix: every workspace role with the permissions it grants. */
    @Operation(summary = "Replace the permission matrix (tenant admins)",
            description = "Every workspace role must be given; every role keeps VIEW_WORKSPACE and client roles get no"
                    + " team-only permission. A bad role or permission is 400 naming the field roles.<ROLE>.")
    @PutMapping
    public PermissionMatrixDto replace(Actor actor, @RequestBody ReplacePermissionMatrixRequest body) {
        // The caller first: a client's 404 and a non-admin's 403 do not depend on the body.
        TenantApiController.requireTenantAdmin(kit, actor, "change the tenant's permission matrix");
        return PermissionMatrixDto.of(kit.accessPolicies().replaceMatrix(actor, body.toDomain()));
    }

    /** Goes back to the kit's default matrix; answers the matrix now in force. */
    @Operation(summary = "Reset the permission matrix to the defaults (tenant admins)")
    @DeleteMapping
    public PermissionMatrixDto reset(Actor actor) {
        return PermissionMatrixDto.of(kit.accessPolicies().resetMatrix(actor));
    }
}
