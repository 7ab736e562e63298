package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The default mapping from an {@link Authentication} to an {@link Actor}:
 * <ol>
 *   <li>a principal implementing {@link ActorPrincipal} gives its actor;</li>
 *   <li>otherwise the user id is {@link Authentication#getName()}, the tenant comes from the one
 *       authority starting with {@code client-workspace.security.tenant-authority-prefix} (default
 *       {@code TENANT_}, e.g. {@code TENANT_northwind}) or else from
 *       {@code client-workspace.security.default-tenant-id}, and the kind is {@code TEAM} when the user holds
 *       {@code client-workspace.security.team-authority} (default {@code ROLE_WORKSPACE_TEAM}) and
 *       {@code CLIENT} otherwise;</li>
 *   <li>anonymous or unauthenticated users, users with no tenant, and users with several tenant
 *       authorities get no actor (the REST API answers 401).</li>
 * </ol>
 */
public final class DefaultActorResolver implements ActorResolver {

    private final String tenantPrefix;
    private final String teamAuthority;
    private final Optional<TenantId> defaultTenant;

    public DefaultActorResolver(String tenantPrefix, String teamAuthority, Optional<TenantId> defaultTenant) {
        this.tenantPrefix = requireNonNull(tenantPrefix, "tenantPrefix must not be null");
        this.teamAuthority = requireNonNull(teamAuthority, "teamAuthority must not be null");
        this.defaultTenant = requireNonNull(defaultTenant, "defaultTenant must not be null");
    }

    @Override
    public Optional<Actor> resolve(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        List<String> tenants = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(tenantPrefix) && a.length() > tenantPrefix.length())
                .map(a -> a.substring(tenantPrefix.length()))
                .distinct().toList();
        if (tenants.size() > 1) {
            return Optional.empty();
        }
        boolean team = authentication.getAuthorities().stream().anyMatch(a -> teamAuthority.equals(a.getAuthority()));
        try {
            Optional<TenantId> tenant = tenants.isEmpty() ? defaultTenant : Optional.of(TenantId.of(tenants.get(0)));
            return tenant.map(t -> new Actor(t, UserId.of(authentication.getName()), team ? ActorKind.TEAM : ActorKind.CLIENT));
        } catch (WorkspaceException invalidId) {
            return Optional.empty();
        }
    }
}
