package io.clientworkspace.tenant;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Creates tenants and manages their team rosters.
 *
 * <p><b>Provisioning</b> ({@link #create}, {@link #provision}, {@link #find}, {@link #findByName},
 * {@link #list}) happens above any tenant: those calls take no actor, and the host must expose them only
 * to its own platform operators.
 * Everything else names its actor: roster changes and renaming need a {@link TenantRole#TENANT_ADMIN};
 * reading the tenant and its roster needs a place on the roster. A tenant always keeps at least one
 * tenant admin.
 */
public final class TenantService {

    /** Most tenants {@link #findByName} returns. */
    public static final int MAX_NAME_MATCHES = 100;

    private static final int MAX_NAME = 120;
    private static final int PROVISION_ATTEMPTS = 2;
    private static final String CURSOR_KIND = "tenant";
    private static final String TEAM_CURSOR_KIND = "team";

    private final Kernel kernel;
    private final Optional<UserDirectory> directory;

    /** A service without a {@link UserDirectory}: team roster additions are not checked. */
    TenantService(Kernel kernel) {
        this(kernel, Optional.empty());
    }

    /** A service that adds users to a team roster only when {@code directory}, if present, confirms they exist. */
    TenantService(Kernel kernel, Optional<UserDirectory> directory) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.directory = requireNonNull(directory, "directory must not be null");
    }

    /**
     * Creates a tenant with {@code firstAdmin} as its first tenant admin.
     *
     * @param name       display name, 1 to 120 characters
     * @param firstAdmin the host's id of the team user who will administer the tenant
     */
    public Tenant create(String name, UserId firstAdmin) {
        String cleanName = InputValidator.requireText("name", name, MAX_NAME);
        requireNonNull(firstAdmin, "firstAdmin must not be null");
        return insert(TenantId.of(kernel.newId()), cleanName, List.of(firstAdmin));
    }

    /** Inserts a tenant with its tenant admins in one unit of work; the first admin is the creating actor. */
    private Tenant insert(TenantId id, String cleanName, List<UserId> admins) {
        return kernel.write(changes -> {
            Tenant tenant = kernel.stores().tenants().insert(new Tenant(id, cleanName, changes.now(), 0));
            Actor actor = new Actor(id, admins.get(0), ActorKind.TEAM);
            changes.publish(new TenantEvent.TenantCreated(id, cleanName, actor, changes.now()));
            for (UserId admin : admins) {
                kernel.stores().team().insert(new TeamMember(id, admin, TenantRole.TENANT_ADMIN, changes.now(), 0));
                changes.publish(new TenantEvent.TeamMemberChanged(id, admin, TenantRole.TENANT_ADMIN, actor, changes.now()));
            }
            return tenant;
        });
    }

    /**
     * Creates a tenant with an id the host chooses (its key), so that authorities such as
     * {@code TENANT_<key>} can be written down before the tenant exists, with {@code firstAdmin} as its
     * first tenant admin.
     *
     * @param id         the key: must match {@value TenantDefinition#KEY_PATTERN} (a {@link ValidationException}
     *                   on {@code id} otherwise)
     * @param name       display name, 1 to 120 characters
     * @param firstAdmin the host's id of the team user who will administer the tenant
     * @throws ConflictException ({@link ConflictException.Reason#ALREADY_EXISTS}) if a tenant with this id
     *                           exists; nothing is changed
     */
    public Tenant create(TenantId id, String name, UserId firstAdmin) {
        requireNonNull(id, "id must not be null");
        requireNonNull(firstAdmin, "firstAdmin must not be null");
        TenantDefinition.keyError(id).ifPresent(error -> {
            throw new ValidationException(error);
        });
        String cleanName = InputValidator.requireText("name", name, MAX_NAME);
        return insert(id, cleanName, List.of(firstAdmin));
    }

    /**
     * Makes sure the declared tenant exists: creates it, with every declared admin as
     * {@link TenantRole#TENANT_ADMIN}, if no tenant has its id; otherwise changes <b>nothing</b> and returns
     * the stored tenant. After creation the name and the roster belong to the tenant's admins
     * ({@link #rename}, {@link #addTeamMember}...): a definition with another name or other admins neither
     * renames the tenant nor changes its roster. Admins are taken as given (the {@link UserDirectory} is
     * not asked), so the host may create its users afterwards.
     *
     * <p>Idempotent and safe under concurrency, also across application nodes sharing one database: when
     * several calls provision one key at once, exactly one creates the tenant and the others return it
     * with {@code created == false}. (The losing insert's conflict is caught and the tenant is read again;
     * on a database where a failed statement aborts the transaction, call this outside a transaction of
     * your own, as a startup bootstrap does.) Publishes the same events as {@link #create}.
     *
     * @return the stored tenant and whether this call created it
     */
    public Provisioned provision(TenantDefinition definition) {
        requireNonNull(definition, "definition must not be null");
        for (int attempt = 1; ; attempt++) {
            Optional<Tenant> existing = find(definition.id());
            if (existing.isPresent()) {
                return new Provisioned(existing.get(), false);
            }
            try {
                return new Provisioned(insert(definition.id(), definition.name(), definition.admins()), true);
            } catch (ConflictException e) {
                // Another caller (thread or node) inserted the tenant since find(): read it again. A conflict
                // with no tenant to read means that caller rolled back; try once more, then give up.
                if (attempt >= PROVISION_ATTEMPTS) {
                    Optional<Tenant> winner = find(definition.id());
                    if (winner.isPresent()) {
                        return new Provisioned(winner.get(), false);
                    }
                    throw e;
                }
            }
        }
    }

    /**
     * Every tenant whose name is exactly {@code name} (case-sensitive; stored names have no surrounding
     * whitespace), ordered by id, at most {@value #MAX_NAME_MATCHES}. Names are not unique, so a host that
     * needs one tenant per name should declare a key instead (see {@link #provision}). Provisioning: no
     * actor.
     */
    public List<Tenant> findByName(String name) {
        requireNonNull(name, "name must not be null");
        return List.copyOf(kernel.stores().tenants().findByName(name, MAX_NAME_MATCHES));
    }

    /** The tenant with this id (provisioning: no actor). */
    public Optional<Tenant> find(TenantId id) {
        return kernel.stores().tenants().find(requireNonNull(id, "id must not be null"));
    }

    /** Every tenant, by id, one page at a time (provisioning: no actor). */
    public Page<Tenant> list(PageRequest page) {
        requireNonNull(page, "page must not be null");
        Optional<TenantId> after = Cursors.decode(CURSOR_KIND, page.cursor()).map(TenantId::of);
        List<Tenant> rows = kernel.stores().tenants().list(after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), t -> Cursors.encode(CURSOR_KIND, t.id().value()));
    }

    /** The actor's own tenant; any team actor on the roster may read it. */
    public Tenant get(Actor actor) {
        requireRoster(actor, "read the tenant");
        return kernel.stores().tenants().find(actor.tenantId())
                .orElseThrow(() -> new NotFoundException("tenant", actor.tenantId().value()));
    }

    /** Renames the actor's tenant; tenant admins only. */
    public Tenant rename(Actor actor, String newName, long expectedVersion) {
        requireAdmin(actor, "rename the tenant");
        String cleanName = InputValidator.requireText("name", newName, MAX_NAME);
        return kernel.write(changes -> {
            Tenant current = kernel.stores().tenants().findForUpdate(actor.tenantId())
                    .orElseThrow(() -> new NotFoundException("tenant", actor.tenantId().value()));
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("tenant", current.id().value(), expectedVersion);
            }
            Tenant renamed = kernel.stores().tenants().update(current.withName(cleanName));
            changes.publish(new TenantEvent.TenantRenamed(actor.tenantId(), current.name(), cleanName, actor, changes.now()));
            return renamed;
        });
    }

    /**
     * Adds a team user to the actor's tenant roster; tenant admins only. When the kit has a
     * {@link UserDirectory}, the user must exist in it (a {@link ValidationException} on {@code userId}
     * otherwise); without one the id is taken as given.
     */
    public TeamMember addTeamMember(Actor actor, UserId userId, TenantRole role) {
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
        requireAdmin(actor, "add a team member");
        if (directory.isPresent() && !directory.get().exists(actor.tenantId(), userId)) {
            throw new ValidationException(FieldError.of("userId", "no user '" + userId + "' exists, so it cannot"
                    + " join the team"));
        }
        return kernel.write(changes -> {
            lockTenant(actor);
            TeamMember added = kernel.stores().team().insert(new TeamMember(actor.tenantId(), userId, role, changes.now(), 0));
            changes.publish(new TenantEvent.TeamMemberChanged(actor.tenantId(), userId, role, actor, changes.now()));
            return added;
        });
    }

    /** Changes a team user's tenant role; tenant admins only; the last tenant admin cannot be demoted. */
    public TeamMember changeTeamRole(Actor actor, UserId userId, TenantRole role) {
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
        requireAdmin(actor, "change a team member's role");
        return kernel.write(changes -> {
            lockTenant(actor);
            TeamMember current = teamMember(actor, userId);
            if (current.role() == role) {
                return current;
            }
            if (current.role() == TenantRole.TENANT_ADMIN) {
                requireAnotherAdmin(actor);
            }
            TeamMember changed = kernel.stores().team().update(current.withRole(role));
            changes.publish(new TenantEvent.TeamMemberChanged(actor.tenantId(), userId, role, actor, changes.now()));
            return changed;
        });
    }

    /**
     * Removes a team user from the roster; tenant admins only; the last tenant admin cannot be removed.
     * The user's workspace memberships stay but grant nothing while the user is off the roster (hand a
     * lead over first if it is the user's only lead).
     */
    public void removeTeamMember(Actor actor, UserId userId) {
        requireNonNull(userId, "userId must not be null");
        requireAdmin(actor, "remove a team member");
        kernel.write(changes -> {
            lockTenant(actor);
            TeamMember current = teamMember(actor, userId);
            if (current.role() == TenantRole.TENANT_ADMIN) {
                requireAnotherAdmin(actor);
            }
            kernel.stores().team().delete(actor.tenantId(), userId, current.version());
            changes.publish(new TenantEvent.TeamMemberRemoved(actor.tenantId(), userId, actor, changes.now()));
            return null;
        });
    }

    /** A roster entry of the actor's tenant; any team actor on the roster may read it. */
    public Optional<TeamMember> findTeamMember(Actor actor, UserId userId) {
        requireRoster(actor, "read the team roster");
        return kernel.stores().team().find(actor.tenantId(), requireNonNull(userId, "userId must not be null"));
    }

    /** The actor's tenant roster, by user id, one page at a time. */
    public Page<TeamMember> team(Actor actor, PageRequest page) {
        requireNonNull(page, "page must not be null");
        requireRoster(actor, "read the team roster");
        Optional<UserId> after = Cursors.decode(TEAM_CURSOR_KIND, page.cursor()).map(UserId::of);
        List<TeamMember> rows = kernel.stores().team().list(actor.tenantId(), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), m -> Cursors.encode(TEAM_CURSOR_KIND, m.userId().value()));
    }

    private TeamMember teamMember(Actor actor, UserId userId) {
        return kernel.stores().team().find(actor.tenantId(), userId)
                .orElseThrow(() -> new NotFoundException("team member", userId.value()));
    }

    private void lockTenant(Actor actor) {
        if (kernel.stores().tenants().findForUpdate(actor.tenantId()).isEmpty()) {
            throw new NotFoundException("tenant", actor.tenantId().value());
        }
    }

    private void requireAnotherAdmin(Actor actor) {
        if (kernel.stores().team().countByRole(actor.tenantId(), TenantRole.TENANT_ADMIN) <= 1) {
            throw new ConflictException(ConflictException.Reason.LAST_TENANT_ADMIN,
                    "Tenant '" + actor.tenantId() + "' must keep at least one tenant admin; make someone else admin first");
        }
    }

    private TeamMember requireRoster(Actor actor, String what) {
        requireNonNull(actor, "actor must not be null");
        if (actor.kind() != ActorKind.TEAM) {
            throw new NotFoundException("tenant", actor.tenantId().value());
        }
        return kernel.stores().team().find(actor.tenantId(), actor.userId())
                .orElseThrow(() -> new AccessDeniedException(actor, "a place on the tenant's team", what));
    }

    private void requireAdmin(Actor actor, String what) {
        if (requireRoster(actor, what).role() != TenantRole.TENANT_ADMIN) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), what);
        }
    }
}
