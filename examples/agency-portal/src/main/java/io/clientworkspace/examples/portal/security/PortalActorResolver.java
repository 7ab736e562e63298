package io.clientworkspace.examples.portal.security;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.UserId;
import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.spring.security.ActorResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the signed-in user is for the kit: {@code Actor(TEAM or CLIENT, the agency's tenant, the account's
 * opaque id)} (see {@link PortalUsers}: the login name is only for signing in and display).
 * Replaces the starter's default resolver, which would expect tenant and team authorities.
 */
public final class PortalActorResolver implements ActorResolver {

    private final PortalTenant tenant;
    private final PortalUsers users;

    public PortalActorResolver(PortalTenant tenant, PortalUsers users) {
        this.tenant = tenant;
        this.users = users;
    }

    @Override
    public Optional<Actor> resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        ActorKind kind;
        if (authorities.contains(PortalUsers.TEAM)) {
            kind = ActorKind.TEAM;
        } else if (authorities.contains(PortalUsers.CLIENT)) {
            kind = ActorKind.CLIENT;
        } else {
            return Optional.empty();
        }
        Optional<UserId> id = users.idOf(authentication.getName());
        return id.map(userId -> new Actor(tenant.id(), userId, kind));
    }
}
