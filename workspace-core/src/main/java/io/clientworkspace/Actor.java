package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * Who performs an operation: a user of one tenant, on the team side or the client side.
 *
 * <p>The host application authenticates its users and builds an {@code Actor} for every call;
 * the kit never reads thread-locals or ambient security context. An actor carries no
 * privileges of its own: what it may do is decided by the {@link io.clientworkspace.member.Authorizer}
 * from the tenant's team roster and the workspace memberships. An actor claiming {@link ActorKind#TEAM}
 * who is not on the tenant's team roster may do nothing.
 *
 * @param tenantId the tenant the user belongs to
 * @param userId   the host's id of the user
 * @param kind     team or client
 */
public record Actor(TenantId tenantId, UserId userId, ActorKind kind) {

    public Actor {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(kind, "kind must not be null");
    }

    /** A team-side actor of the given tenant. */
    public static Actor team(TenantId tenantId, String userId) {
        return new Actor(tenantId, UserId.of(userId), ActorKind.TEAM);
    }

    /** A client-side actor of the given tenant. */
    public static Actor client(TenantId tenantId, String userId) {
        return new Actor(tenantId, UserId.of(userId), ActorKind.CLIENT);
    }

    /** Whether this actor is on the team side. */
    public boolean isTeam() {
        return kind == ActorKind.TEAM;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + userId.value() + "@" + tenantId.value();
    }
}
