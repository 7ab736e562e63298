package io.clientworkspace.member;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.tenant.TenantRole;

import static java.util.Objects.requireNonNull;

/**
 * Reads and replaces a tenant's permission matrix. Only tenant admins may replace it; every team
 * actor on the roster may read it. A client actor gets the {@link NotFoundException} of a tenant it cannot
 * see (as from {@link io.clientworkspace.tenant.TenantService}); a team actor off the roster, or not a tenant
 * admin where one is needed, gets an {@link AccessDeniedException}. A change takes effect for every cached
 * answer right after it commits.
 */
public final class AccessPolicyService {

    private final Kernel kernel;
    private final Authorizer authorizer;

    AccessPolicyService(Kernel kernel, Authorizer authorizer) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
    }

    /** The matrix in force for the actor's tenant. */
    public PermissionMatrix matrix(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        requireTeam(actor);
        if (authorizer.tenantRole(actor).isEmpty()) {
            throw new AccessDeniedException(actor, "a place on the tenant's team", "read the tenant's permission matrix");
        }
        return authorizer.matrix(actor.tenantId());
    }

    /** Replaces the actor's tenant's matrix; tenant admins only. */
    public PermissionMatrix replaceMatrix(Actor actor, PermissionMatrix matrix) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(matrix, "matrix must not be null");
        requireTenantAdmin(actor);
        return kernel.write(changes -> {
            kernel.stores().permissionMatrices().save(actor.tenantId(), matrix);
            changes.publish(new MemberEvent.PermissionMatrixChanged(actor.tenantId(), actor, changes.now()));
            return matrix;
        });
    }

    /** Goes back to the kit's default matrix for the actor's tenant; tenant admins only. */
    public PermissionMatrix resetMatrix(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        requireTenantAdmin(actor);
        return kernel.write(changes -> {
            kernel.stores().permissionMatrices().delete(actor.tenantId());
            changes.publish(new MemberEvent.PermissionMatrixChanged(actor.tenantId(), actor, changes.now()));
            return authorizer.defaultMatrix();
        });
    }

    private void requireTenantAdmin(Actor actor) {
        requireTeam(actor);
        if (authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(),
                    "change the tenant's permission matrix");
        }
    }

    /** Clients never see the tenant's settings: the same 404 as {@code TenantService} gives them. */
    private static void requireTeam(Actor actor) {
        if (actor.kind() != ActorKind.TEAM) {
            throw new NotFoundException("tenant", actor.tenantId().value());
        }
    }
}
