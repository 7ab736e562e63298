package io.clientworkspace.member;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FeatureUnavailableException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.spi.ClientRoleStore;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Reads and replaces a tenant's permission matrix. Only tenant admins may replace it; every team
 * actor on the roster may read it. A client actor gets the {@link NotFoundException} of a tenant it cannot
 * see (as from {@link io.clientworkspace.tenant.TenantService}); a team actor off the roster, or not a tenant
 * admin where one is needed, gets an {@link AccessDeniedException}. A change takes effect for every cached
 * answer right after it commits.
 *
 * <p><b>Custom client roles</b> ({@link ClientRole}): every team actor on the roster may read them; tenant admins
 * define, redefine and remove them. They need a store set providing {@link ClientRoleStore} (the in-memory and JPA
 * ones do); without it the reads answer "none" and the changes throw {@link FeatureUnavailableException} (feature
 * {@code client-roles}). A tenant holds at most {@value #MAX_CLIENT_ROLES} client roles.
 */
public final class AccessPolicyService {

    /** The most client roles a tenant may define. */
    public static final int MAX_CLIENT_ROLES = 100;

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final Optional<ClientRoleStore> clientRoles;

    AccessPolicyService(Kernel kernel, Authorizer authorizer, Optional<ClientRoleStore> clientRoles) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.clientRoles = requireNonNull(clientRoles, "clientRoles must not be null");
    }

    /** The custom client roles of the actor's tenant, by key; team actors on the roster. */
    public List<ClientRole> clientRoles(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        requireRoster(actor, "read the tenant's client roles");
        return clientRoles.map(store -> store.list(actor.tenantId())).orElse(List.of());
    }

    /** The custom client role {@code key} of the actor's tenant; team actors on the roster. */
    public Optional<ClientRole> clientRole(Actor actor, String key) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(key, "key must not be null");
        requireRoster(actor, "read the tenant's client roles");
        if (!ClientRole.KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return clientRoles.flatMap(store -> store.find(actor.tenantId(), key));
    }

    /**
     * Defines the client role {@code definition.key()}, or redefines it; tenant admins only. With
     * {@code expectedVersion} the role must exist at that version ({@link ConflictException} {@code STALE_VERSION},
     * also when it does not exist). The same definition again changes nothing. Changing the {@code base} of a role
     * that memberships hold is refused ({@link ConflictException} {@code INVALID_STATE}: their built-in role would
     * no longer match); changing its permissions takes effect for every holder right after the commit. Bad input is a
     * {@link ValidationException} with every field error.
     */
    public ClientRole defineClientRole(Actor actor, NewClientRole definition, OptionalLong expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(definition, "definition must not be null");
        requireNonNull(expectedVersion, "expectedVersion must not be null");
        requireTenantAdmin(actor, "define client roles");
        ClientRoleStore store = clientRoleStore();
        ClientRole wanted = new ClientRole(actor.tenantId(), definition.key(), definition.label(), definition.base(),
                definition.permissions(), 0);
        return kernel.write(changes -> {
            // Locked: a concurrent assignment of this role waits, so a changed base never races a new holder.
            Optional<ClientRole> current = store.findForUpdate(actor.tenantId(), wanted.key());
            if (expectedVersion.isPresent()
                    && current.map(ClientRole::version).orElse(-1L) != expectedVersion.getAsLong()) {
                throw ConflictException.staleVersion("client role", wanted.key(), expectedVersion.getAsLong());
            }
            ClientRole stored;
            if (current.isEmpty()) {
                if (store.list(actor.tenantId()).size() >= MAX_CLIENT_ROLES) {
                    throw new ValidationException(FieldError.of("key", "the tenant already has "
                            + MAX_CLIENT_ROLES + " client roles, the most it may define"));
                }
                stored = store.insert(wanted);
            } else {
                ClientRole before = current.get();
                if (before.label().equals(wanted.label()) && before.base() == wanted.base()
                        && before.permissions().equals(wanted.permissions())) {
                    return before;
                }
                if (before.base() != wanted.base()) {
                    long holders = kernel.stores().memberships().countByClientRole(actor.tenantId(), wanted.key());
                    if (holders > 0) {
                        throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Client role '"
                                + wanted.key() + "' is held by " + holders + " membership(s); its base role cannot"
                                + " change while anyone holds it (define a new role and move them to it)");
                    }
                }
                stored = store.update(new ClientRole(actor.tenantId(), wanted.key(), wanted.label(), wanted.base(),
                        wanted.permissions(), before.version()));
            }
            changes.publish(new TenantEvent.ClientRoleDefined(actor.tenantId(), stored.key(), stored.version(), actor,
                    changes.now()));
            return stored;
        });
    }

    /**
     * Removes the client role {@code key}; tenant admins only. Refused with {@link ConflictException}
     * {@code INVALID_STATE} while any membership holds it (the message says how many); with {@code expectedVersion}
     * the role must be at that version. A role that does not exist is {@link NotFoundException} "client role".
     */
    public void removeClientRole(Actor actor, String key, OptionalLong expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(key, "key must not be null");
        requireNonNull(expectedVersion, "expectedVersion must not be null");
        requireTenantAdmin(actor, "remove client roles");
        ClientRoleStore store = clientRoleStore();
        kernel.write(changes -> {
            ClientRole current = (ClientRole.KEY.matcher(key).matches() ? store.findForUpdate(actor.tenantId(), key)
                    : Optional.<ClientRole>empty()).orElseThrow(() -> new NotFoundException("client role", key));
            if (expectedVersion.isPresent() && current.version() != expectedVersion.getAsLong()) {
                throw ConflictException.staleVersion("client role", key, expectedVersion.getAsLong());
            }
            // Counted after the role's row is locked: an assignment that locked it first has committed and is
            // counted; one that comes later waits and then finds no role.
            long holders = kernel.stores().memberships().countByClientRole(actor.tenantId(), key);
            if (holders > 0) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Client role '" + key
                        + "' is held by " + holders + " membership(s); assign them another role first");
            }
            store.delete(actor.tenantId(), key, current.version());
            changes.publish(new TenantEvent.ClientRoleRemoved(actor.tenantId(), key, actor, changes.now()));
            return null;
        });
    }

    private ClientRoleStore clientRoleStore() {
        return clientRoles.orElseThrow(() -> new FeatureUnavailableException("client-roles", ClientRoleStore.class));
    }

    private void requireRoster(Actor actor, String action) {
        requireTeam(actor);
        if (authorizer.tenantRole(actor).isEmpty()) {
            throw new AccessDeniedException(actor, "a place on the tenant's team", action);
        }
    }

    private void requireTenantAdmin(Actor actor, String action) {
        requireTeam(actor);
        if (authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), action);
        }
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
