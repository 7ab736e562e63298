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
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.tenant.TeamMember;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    private final PermissionMatrix defaultMatrix;
    private final Cache<GrantKey, AccessGrant> grants;
    private final Cache<TeamKey, Optional<TenantRole>> tenantRoles;
    private final Cache<TenantId, PermissionMatrix> tenantMatrices;
    /**
     * One shared instance per distinct answer (there are a handful per matrix), so that a cached entry
     * points at an answer that stays in the CPU's caches however many entries there are.
     */
    private final ConcurrentHashMap<AccessGrant, AccessGrant> canonicalGrants = new ConcurrentHashMap<>();

    public Authorizer(TeamStore team, WorkspaceStore workspaces, MembershipStore memberships,
                      PermissionMatrixStore matrices, PermissionMatrix defaultMatrix, CacheSettings settings,
                      Ticker ticker) {
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

    /** Everything {@code actor} may do in the workspace, and why. */
    public AccessGrant grant(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return grants.get(new GrantKey(actor.tenantId(), epoch(actor.tenantId()), workspaceId, actor.userId(),
                actor.kind()), key -> canonical(load(key)));
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
        return tenantRole(actor.tenantId(), actor.userId());
    }

    private Optional<TenantRole> tenantRole(TenantId tenantId, UserId userId) {
        return tenantRoles.get(new TeamKey(tenantId, epoch(tenantId), userId),
                k -> team.find(k.tenantId(), k.userId()).map(TeamMember::role));
    }

    /** The matrix in force for a tenant: its own if it replaced the default, else the default. */
    public PermissionMatrix matrix(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tenantMatrices.get(tenantId, t -> matrices.find(t).orElse(defaultMatrix));
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

    private AccessGrant load(GrantKey key) {
        Optional<TenantRole> tenantRole = Optional.empty();
        if (key.kind() == ActorKind.TEAM) {
            tenantRole = tenantRole(key.tenantId(), key.userId());
            if (tenantRole.isEmpty()) {
                return AccessGrant.none();
            }
        }
        Optional<WorkspaceRole> role = memberships.find(key.tenantId(), key.workspaceId(), key.userId())
                .map(Membership::role)
                .filter(r -> r.kind() == key.kind());
        if (tenantRole.isPresent() && tenantRole.get() == TenantRole.TENANT_ADMIN) {
            // Everything, but only in workspaces that exist in the admin's own tenant.
            return workspaces.find(key.tenantId(), key.workspaceId()).isPresent()
                    ? new AccessGrant(tenantRole, role, EnumSet.allOf(Permission.class))
                    : AccessGrant.none();
        }
        if (role.isEmpty()) {
            return AccessGrant.none();
        }
        return new AccessGrant(tenantRole, role, matrix(key.tenantId()).permissionsOf(role.get()));
    }
}
