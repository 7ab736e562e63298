package io.clientworkspace.member;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.spi.UnitOfWork;
import io.clientworkspace.spi.ClientRoleStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.tenant.TeamMember;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Answers "what may this actor do in this workspace" and "may it do X", from the tenant's team
 * roster, the workspace's memberships and the tenant's permission matrix.
 *
 * <p>Rules, in order: a {@code TEAM} actor not on its tenant's roster may do nothing; a tenant admin
 * holds every permission in every workspace of its tenant; otherwise the actor needs a membership
 * whose role is of the actor's own kind, and holds what the matrix grants that role. Everything else
 * is denied, including any id that is not a workspace of the actor's tenant, so {@link #can} alone is
 * a sound guard. Services answer "not found" for workspaces the actor may not see.
 *
 * <p>Answers are cached (Caffeine, bounded in size). Every membership, roster or matrix change made
 * through this kit invalidates the affected entries right after it commits; entries also expire after
 * a configurable time, which bounds staleness when several application nodes share one database and
 * another node made the change.
 *
 * <h2>The cache holds committed truth only</h2>
 *
 * <p>The cache is shared by every thread, so it may only hold what every thread would read: committed
 * data. An answer read inside a transaction may rest on writes that transaction has not committed yet
 * and may roll back (a membership added and then undone), so:
 *
 * <ul>
 *   <li><b>Only answers computed outside any transaction are stored.</b> Whether a transaction is
 *       running on the calling thread is asked of the stores' {@link UnitOfWork#isActive()}, which also
 *       covers a host's transaction that the kit's unit of work joins (the Spring starter's
 *       {@code @Transactional} services), even between two kit calls. An answer computed inside a
 *       transaction is returned and forgotten: it never reaches the shared cache, whatever the
 *       transaction changed, so no rollback can leave it behind, and the isolation level the host runs
 *       at (a REPEATABLE READ snapshot older than the cache) does not matter either.</li>
 *   <li><b>A transaction sees its own changes.</b> Each membership, roster or matrix change made
 *       through the kit is recorded, as the service publishes its event (before commit, see
 *       {@link #onUncommittedChange}), in a {@linkplain UnitOfWork#resource resource} bound to the running
 *       transaction: the workspace whose memberships changed, the roster entry, the tenant whose matrix
 *       changed. Until that transaction ends, every answer those changes may touch is read from the
 *       stores (which show the transaction its own writes) and never from the cache, so a "no access"
 *       cached before the transaction cannot hide a member it just added, nor a cached grant a member it
 *       just removed. The record is dropped when the transaction ends, committed or rolled back.</li>
 *   <li><b>Untouched answers still come from the cache inside a transaction</b>: what the transaction
 *       did not change reads the same inside it as outside at READ COMMITTED, so the kit's own writes
 *       (each one a unit of work that checks access first) keep their cache hits. A cache miss there is
 *       read from the stores and not stored. Inside a transaction the cache is only looked into, never
 *       loaded, so a transaction never waits for another thread's load in flight (which, on the
 *       in-memory stores, could itself be waiting for the transaction's lock).</li>
 *   <li><b>After a commit</b> the events invalidate the affected entries on this node before the
 *       committing call returns, so everyone sees the change at once; <b>after a rollback</b> nothing was
 *       cached from the transaction, so everyone sees the committed state at once.</li>
 * </ul>
 *
 * <p>An answer computed outside a transaction while another one commits is stored under the cache key
 * taken before its first read: for a tenant-wide change (roster, matrix) the key holds the tenant's
 * epoch from before the commit, and the invalidation moves the epoch on after the commit, so the answer
 * lands where nobody looks any more; for a membership change (and for the cached matrix itself) the
 * invalidation removes the one key and waits for a load of it in flight. No answer read before a commit can therefore be stored under a
 * post-commit epoch, and since answers read inside transactions are never stored, a stale snapshot
 * cannot be either.
 *
 * <p>A {@link UnitOfWork} that does not implement {@link UnitOfWork#isActive()} (written before it
 * existed) makes every read look committed: answers are then cached as they were before, including those
 * computed from uncommitted changes. A unit of work that is active but cannot bind resources makes the
 * authorizer read every answer inside it from the stores.
 */
public final class Authorizer implements DomainEventListener {

    /** Cache bounds. */
    public record CacheSettings(long maximumSize, Duration expireAfterWrite) {
        public CacheSettings {
            if (maximumSize < 0) {
                throw new IllegalArgumentException("maximumSize must not be negative");
            }
            requireNonNull(expireAfterWrite, "expireAfterWrite must not be null");
            if (expireAfterWrite.isNegative()) {
                throw new IllegalArgumentException("expireAfterWrite must not be negative");
            }
        }

        /** 100,000 entries, 30 seconds. */
        public static CacheSettings defaults() {
            return new CacheSettings(100_000, Duration.ofSeconds(30));
        }
    }

    private static final int MAX_CANONICAL_GRANTS = 4_096;

    /** {@code epoch}: see {@link #epochs}. */
    private record GrantKey(TenantId tenantId, long epoch, WorkspaceId workspaceId, UserId userId, ActorKind kind) {
    }

    private record TeamKey(TenantId tenantId, long epoch, UserId userId) {
    }

    private record RosterEntry(TenantId tenantId, UserId userId) {
    }

    private record WorkspaceScope(TenantId tenantId, WorkspaceId workspaceId) {
    }

    /**
     * What the transaction running on one thread has changed of the data answers rest on, bound to it as
     * a {@linkplain UnitOfWork#resource resource} and dropped with it. Touched only by that thread; the
     * concurrent sets are for hosts that hand a transaction to another thread (Spring does not).
     */
    private static final class ChangedInTransaction {

        /** For a unit of work that cannot bind resources: it may have changed anything. */
        static final ChangedInTransaction UNKNOWN = new ChangedInTransaction(true);

        private final boolean everything;
        /** Tenants whose matrix (or anything else tenant-wide) changed. */
        private final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
        private final Set<RosterEntry> roster = ConcurrentHashMap.newKeySet();
        /** Workspaces with a changed membership (also the first lead of a new workspace). */
        private final Set<WorkspaceScope> workspaces = ConcurrentHashMap.newKeySet();

        ChangedInTransaction() {
            this(false);
        }

        private ChangedInTransaction(boolean everything) {
            this.everything = everything;
        }

        boolean touchesGrant(GrantKey key) {
            return everything || tenants.contains(key.tenantId())
                    || roster.contains(new RosterEntry(key.tenantId(), key.userId()))
                    || workspaces.contains(new WorkspaceScope(key.tenantId(), key.workspaceId()));
        }

        boolean touchesRole(TenantId tenantId, UserId userId) {
            return everything || tenants.contains(tenantId) || roster.contains(new RosterEntry(tenantId, userId));
        }

        boolean touchesMatrix(TenantId tenantId) {
            return everything || tenants.contains(tenantId);
        }
    }

    /** A unit of work that is never active: for the constructor that is not told the stores' one. */
    private static final UnitOfWork NO_UNIT_OF_WORK = new UnitOfWork() {
        @Override
        public <T> T execute(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    };

    /**
     * One counter per tenant, part of every cache key. Invalidating a whole tenant (or one user across
     * it) bumps the counter instead of hunting for keys, so that an answer still being loaded from data
     * read before the change lands under the old counter, where nobody looks any more; the old
     * entries age out of the bounded cache.
     */
    private final ConcurrentHashMap<TenantId, AtomicLong> epochs = new ConcurrentHashMap<>();

    private final TeamStore team;
    private final WorkspaceStore workspaces;
    private final MembershipStore memberships;
    private final PermissionMatrixStore matrices;
    private final Optional<ClientRoleStore> clientRoles;
    private final PermissionMatrix defaultMatrix;
    private final Cache<GrantKey, AccessGrant> grants;
    private final Cache<TeamKey, Optional<TenantRole>> tenantRoles;
    private final Cache<TenantId, PermissionMatrix> tenantMatrices;
    /**
     * One shared instance per distinct answer (there are a handful per matrix), so that a cached entry
     * points at an answer that stays in the CPU's caches however many entries there are.
     */
    private final ConcurrentHashMap<AccessGrant, AccessGrant> canonicalGrants = new ConcurrentHashMap<>();
    private final UnitOfWork unitOfWork;
    /** This authorizer's key for its {@link ChangedInTransaction} resource (several kits may share a thread). */
    private final Object transactionKey = new Object();

    /**
     * An authorizer that cannot tell when a transaction is running: it caches every answer, also those
     * computed from uncommitted changes. Prefer the constructor that takes the stores' {@link UnitOfWork}.
     */
    public Authorizer(TeamStore team, WorkspaceStore workspaces, MembershipStore memberships,
                      PermissionMatrixStore matrices, PermissionMatrix defaultMatrix, CacheSettings settings,
                      Ticker ticker) {
        this(team, workspaces, memberships, matrices, defaultMatrix, settings, ticker, NO_UNIT_OF_WORK);
    }

    /**
     * An authorizer over the given stores whose cache holds committed answers only: it asks
     * {@code unitOfWork} (the stores' own, the one their writes join) whether a transaction is running,
     * see the class comment.
     */
    public Authorizer(TeamStore team, WorkspaceStore workspaces, MembershipStore memberships,
                      PermissionMatrixStore matrices, PermissionMatrix defaultMatrix, CacheSettings settings,
                      Ticker ticker, UnitOfWork unitOfWork) {
        this(team, workspaces, memberships, matrices, defaultMatrix, settings, ticker, unitOfWork, Optional.empty());
    }

    /**
     * Like the constructor above, and members holding a tenant's custom {@link ClientRole} (read from
     * {@code clientRoles}) hold exactly that role's permissions. A membership naming a client role the store does
     * not have (removed behind the kit's back) holds only {@link Permission#VIEW_WORKSPACE}: it never falls back
     * to its built-in role's wider grants.
     */
    public Authorizer(TeamStore team, WorkspaceStore workspaces, MembershipStore memberships,
                      PermissionMatrixStore matrices, PermissionMatrix defaultMatrix, CacheSettings settings,
                      Ticker ticker, UnitOfWork unitOfWork, Optional<ClientRoleStore> clientRoles) {
        this.clientRoles = requireNonNull(clientRoles, "clientRoles must not be null");
        this.unitOfWork = requireNonNull(unitOfWork, "unitOfWork must not be null");
        this.team = requireNonNull(team, "team must not be null");
        this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
        this.memberships = requireNonNull(memberships, "memberships must not be null");
        this.matrices = requireNonNull(matrices, "matrices must not be null");
        this.defaultMatrix = requireNonNull(defaultMatrix, "defaultMatrix must not be null");
        requireNonNull(settings, "settings must not be null");
        requireNonNull(ticker, "ticker must not be null");
        this.grants = cache(settings, ticker);
        this.tenantRoles = cache(settings, ticker);
        this.tenantMatrices = cache(settings, ticker);
    }

    private static <K, V> Cache<K, V> cache(CacheSettings settings, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.expireAfterWrite())
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /**
     * Everything {@code actor} may do in the workspace, and why. Inside a transaction that changed this
     * answer's data through the kit, the answer includes those uncommitted changes and is kept nowhere.
     */
    public AccessGrant grant(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        // The epoch is read before anything is loaded: see the class comment.
        GrantKey key = new GrantKey(actor.tenantId(), epoch(actor.tenantId()), workspaceId, actor.userId(),
                actor.kind());
        ChangedInTransaction transaction = transaction();
        if (transaction == null) {
            return grants.get(key, k -> canonical(load(k, null)));
        }
        if (!transaction.touchesGrant(key)) {
            AccessGrant committed = grants.getIfPresent(key);
            if (committed != null) {
                return committed;
            }
        }
        return canonical(load(key, transaction));
    }

    /** Whether {@code actor} holds {@code permission} in the workspace. */
    public boolean can(Actor actor, WorkspaceId workspaceId, Permission permission) {
        requireNonNull(permission, "permission must not be null");
        return grant(actor, workspaceId).allows(permission);
    }

    /** The permissions {@code actor} holds in the workspace (empty if it may not see it). */
    public Set<Permission> permissions(Actor actor, WorkspaceId workspaceId) {
        return grant(actor, workspaceId).permissions();
    }

    /** The actor's tenant-level role: present only for team actors on their tenant's roster. */
    public Optional<TenantRole> tenantRole(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        if (actor.kind() != ActorKind.TEAM) {
            return Optional.empty();
        }
        return tenantRole(actor.tenantId(), actor.userId(), transaction());
    }

    private Optional<TenantRole> tenantRole(TenantId tenantId, UserId userId, @Nullable ChangedInTransaction transaction) {
        TeamKey key = new TeamKey(tenantId, epoch(tenantId), userId);
        if (transaction == null) {
            return tenantRoles.get(key, this::loadRole);
        }
        if (!transaction.touchesRole(tenantId, userId)) {
            Optional<TenantRole> committed = tenantRoles.getIfPresent(key);
            if (committed != null) {
                return committed;
            }
        }
        return loadRole(key);
    }

    private Optional<TenantRole> loadRole(TeamKey key) {
        return team.find(key.tenantId(), key.userId()).map(TeamMember::role);
    }

    /**
     * A team actor's tenant role together with the matrix in force for the tenant.
     *
     * @param role   the actor's tenant role
     * @param matrix the matrix in force for the actor's tenant
     */
    public record TenantAccess(TenantRole role, PermissionMatrix matrix) {
        /** Guarantees both parts are present. */
        public TenantAccess {
            requireNonNull(role, "role must not be null");
            requireNonNull(matrix, "matrix must not be null");
        }
    }

    /**
     * The actor's tenant role (present only for team actors on their tenant's roster) with the tenant's matrix, the
     * same answers as {@link #tenantRole(Actor)} and {@link #matrix(TenantId)}, cached the same way; when neither is
     * cached they are read from the stores in one call ({@link TeamStore#findRoleWithMatrix}), so that a caller
     * needing both costs one statement cold, not two.
     */
    public Optional<TenantAccess> tenantAccess(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        if (actor.kind() != ActorKind.TEAM) {
            return Optional.empty();
        }
        TenantId tenantId = actor.tenantId();
        UserId userId = actor.userId();
        ChangedInTransaction transaction = transaction();
        if (transaction != null) {
            return tenantRole(tenantId, userId, transaction).map(r -> new TenantAccess(r, matrix(tenantId, transaction)));
        }
        // The epoch is read before anything is loaded: see the class comment.
        TeamKey key = new TeamKey(tenantId, epoch(tenantId), userId);
        Optional<TenantRole> cachedRole = tenantRoles.getIfPresent(key);
        if (cachedRole != null) {
            return cachedRole.map(r -> new TenantAccess(r, matrix(tenantId, null)));
        }
        // Both cold: the matrix's load (inside the cache's computation, so an invalidation waits for it) reads the
        // role too; the role is stored under the key taken before that read, like any other load.
        AtomicReference<Optional<TenantRole>> readTogether = new AtomicReference<>();
        PermissionMatrix matrix = tenantMatrices.get(tenantId, t -> {
            TeamStore.RoleAndMatrix both = team.findRoleWithMatrix(t, userId, matrices);
            readTogether.set(both.role());
            return both.matrix().orElse(defaultMatrix);
        });
        Optional<TenantRole> loaded = readTogether.get();
        Optional<TenantRole> role;
        if (loaded == null) { // the matrix was cached (or loaded by another thread) meanwhile
            role = tenantRoles.get(key, this::loadRole);
        } else {
            Optional<TenantRole> found = loaded;
            role = tenantRoles.get(key, k -> found);
        }
        return role.map(r -> new TenantAccess(r, matrix));
    }

    /**
     * The matrix in force for a tenant: its own if it replaced the default, else the default. Inside a
     * transaction that changed it through the kit, the changed one, kept nowhere.
     */
    public PermissionMatrix matrix(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return matrix(tenantId, transaction());
    }

    private PermissionMatrix matrix(TenantId tenantId, @Nullable ChangedInTransaction transaction) {
        if (transaction == null) {
            return tenantMatrices.get(tenantId, this::loadMatrix);
        }
        if (!transaction.touchesMatrix(tenantId)) {
            PermissionMatrix committed = tenantMatrices.getIfPresent(tenantId);
            if (committed != null) {
                return committed;
            }
        }
        return loadMatrix(tenantId);
    }

    private PermissionMatrix loadMatrix(TenantId tenantId) {
        return matrices.find(tenantId).orElse(defaultMatrix);
    }

    /**
     * What the transaction running on this thread has changed, or {@code null} outside any transaction,
     * where answers are committed and go to the shared cache.
     */
    private @Nullable ChangedInTransaction transaction() {
        if (!unitOfWork.isActive()) {
            return null;
        }
        return unitOfWork.resource(transactionKey, ChangedInTransaction.class, ChangedInTransaction::new)
                .orElse(ChangedInTransaction.UNKNOWN);
    }

    /** The kit-wide default matrix. */
    public PermissionMatrix defaultMatrix() {
        return defaultMatrix;
    }

    /** Drops every cached answer. Call it after changing stores behind the kit's back. */
    public void invalidateAll() {
        grants.invalidateAll();
        tenantRoles.invalidateAll();
        tenantMatrices.invalidateAll();
    }

    /** Drops every cached answer of one tenant. */
    public void invalidateTenant(TenantId tenantId) {
        tenantMatrices.invalidate(tenantId);
        epochs.computeIfAbsent(tenantId, t -> new AtomicLong()).incrementAndGet();
    }

    private long epoch(TenantId tenantId) {
        AtomicLong epoch = epochs.get(tenantId);
        return epoch == null ? 0 : epoch.get();
    }

    /**
     * Records that the transaction running on this thread has made the change {@code event} describes,
     * not committed yet: until that transaction ends, every answer the change may touch is read from the
     * stores, so that it includes the change, and is kept nowhere. The kit calls this as each service
     * publishes its event inside its unit of work; a host that changes memberships, the roster or a
     * matrix behind the kit's back inside a transaction may call it with a matching event to get the
     * same. Does nothing outside a transaction, and for events that touch no access data.
     */
    public void onUncommittedChange(DomainEvent event) {
        requireNonNull(event, "event must not be null");
        if (!touchesAccess(event)) {
            return;
        }
        ChangedInTransaction transaction = transaction();
        if (transaction == null || transaction == ChangedInTransaction.UNKNOWN) {
            return;
        }
        if (event instanceof TenantEvent.TeamMemberChanged e) {
            transaction.roster.add(new RosterEntry(e.tenantId(), e.userId()));
        } else if (event instanceof TenantEvent.TeamMemberRemoved e) {
            transaction.roster.add(new RosterEntry(e.tenantId(), e.userId()));
        } else if (event instanceof MemberEvent.MemberAdded e) {
            transaction.workspaces.add(new WorkspaceScope(e.tenantId(), e.workspace()));
        } else if (event instanceof MemberEvent.MemberRoleChanged e) {
            transaction.workspaces.add(new WorkspaceScope(e.tenantId(), e.workspace()));
        } else if (event instanceof MemberEvent.MemberRemoved e) {
            transaction.workspaces.add(new WorkspaceScope(e.tenantId(), e.workspace()));
        } else if (event instanceof MemberEvent.ClientRoleAssigned e) {
            transaction.workspaces.add(new WorkspaceScope(e.tenantId(), e.workspace()));
        } else {
            // A matrix change, or a new tenant (whose first admin also joins its roster).
            transaction.tenants.add(event.tenantId());
        }
    }

    private static boolean touchesAccess(DomainEvent event) {
        return event instanceof TenantEvent.TeamMemberChanged || event instanceof TenantEvent.TeamMemberRemoved
                || event instanceof TenantEvent.TenantCreated
                || event instanceof MemberEvent.MemberAdded || event instanceof MemberEvent.MemberRoleChanged
                || event instanceof MemberEvent.MemberRemoved || event instanceof MemberEvent.PermissionMatrixChanged
                || event instanceof MemberEvent.ClientRoleAssigned || event instanceof TenantEvent.ClientRoleDefined
                || event instanceof TenantEvent.ClientRoleRemoved;
    }

    /** Invalidates cached answers affected by a committed change. */
    @Override
    public void onEvent(DomainEvent event) {
        if (event instanceof TenantEvent.TeamMemberChanged e) {
            invalidateUser(e.tenantId(), e.userId());
        } else if (event instanceof TenantEvent.TeamMemberRemoved e) {
            invalidateUser(e.tenantId(), e.userId());
        } else if (event instanceof MemberEvent.MemberAdded e) {
            invalidateMember(e.tenantId(), e.workspace(), e.userId());
        } else if (event instanceof MemberEvent.MemberRoleChanged e) {
            invalidateMember(e.tenantId(), e.workspace(), e.userId());
        } else if (event instanceof MemberEvent.MemberRemoved e) {
            invalidateMember(e.tenantId(), e.workspace(), e.userId());
        } else if (event instanceof MemberEvent.PermissionMatrixChanged e) {
            invalidateTenant(e.tenantId());
        } else if (event instanceof MemberEvent.ClientRoleAssigned e) {
            invalidateMember(e.tenantId(), e.workspace(), e.userId());
        } else if (event instanceof TenantEvent.ClientRoleDefined e) {
            invalidateTenant(e.tenantId());
        } else if (event instanceof TenantEvent.ClientRoleRemoved e) {
            invalidateTenant(e.tenantId());
        }
    }

    private void invalidateUser(TenantId tenantId, UserId userId) {
        // A roster change touches the user's answers in every workspace: start the tenant afresh.
        invalidateTenant(tenantId);
    }

    private void invalidateMember(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
        long epoch = epoch(tenantId);
        for (ActorKind kind : ActorKind.values()) {
            // Caffeine waits for an in-flight load of this key before removing it, so no stale answer survives.
            grants.invalidate(new GrantKey(tenantId, epoch, workspaceId, userId, kind));
        }
    }

    private AccessGrant canonical(AccessGrant grant) {
        if (canonicalGrants.size() >= MAX_CANONICAL_GRANTS) {
            return grant; // Only with thousands of distinct matrices; correct, just not shared.
        }
        AccessGrant existing = canonicalGrants.putIfAbsent(grant, grant);
        return existing == null ? grant : existing;
    }

    /** Reads an answer; {@code transaction} as in {@link #tenantRole(TenantId, UserId, ChangedInTransaction)}. */
    private AccessGrant load(GrantKey key, @Nullable ChangedInTransaction transaction) {
        Optional<TenantRole> tenantRole = Optional.empty();
        if (key.kind() == ActorKind.TEAM) {
            tenantRole = tenantRole(key.tenantId(), key.userId(), transaction);
            if (tenantRole.isEmpty()) {
                return AccessGrant.none();
            }
        }
        Optional<Membership> membership = memberships.find(key.tenantId(), key.workspaceId(), key.userId())
                .filter(m -> m.role().kind() == key.kind());
        Optional<WorkspaceRole> role = membership.map(Membership::role);
        if (tenantRole.isPresent() && tenantRole.get() == TenantRole.TENANT_ADMIN) {
            // Everything, but only in workspaces that exist in the admin's own tenant.
            return workspaces.find(key.tenantId(), key.workspaceId()).isPresent()
                    ? new AccessGrant(tenantRole, role, EnumSet.allOf(Permission.class))
                    : AccessGrant.none();
        }
        if (role.isEmpty()) {
            return AccessGrant.none();
        }
        Optional<String> named = membership.flatMap(Membership::clientRole);
        if (named.isPresent()) {
            // Fail closed: a membership naming a role the store does not have (removed behind the kit's back)
            // may look at the workspace and nothing more, never the wider grants of its built-in base role.
            Set<Permission> custom = clientRoles.flatMap(store -> store.find(key.tenantId(), named.get()))
                    .map(ClientRole::permissions).orElse(Set.of(Permission.VIEW_WORKSPACE));
            return new AccessGrant(tenantRole, role, custom);
        }
        return new AccessGrant(tenantRole, role, matrix(key.tenantId(), transaction).permissionsOf(role.get()));
    }
}
