package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceException;
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
 *   <li>anonymous or unauthenticated users get no actor (the REST API answers 401); signed-in users with no
 *       tenant or with several tenant authorities get none either, and {@link #explain} says why (the REST API
 *       answers 403 {@code no-tenant} or {@code ambiguous-tenant} naming the fix).</li>
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
        return explain(authentication).resolvedActor();
    }

    /**
     * The actor, or why there is none: {@code Anonymous} when nobody is signed in; {@code Unmapped} with
     * {@code NO_TENANT} for a signed-in user without a tenant authority (or with one that names no valid tenant id)
     * when no default tenant is set, and {@code AMBIGUOUS_TENANT} for one with several tenant authorities. The
     * detail names the fix: the authority {@code <prefix><tenantId>} or
     * {@code client-workspace.security.default-tenant-id}.
     */
    @Override
    public ActorResolution explain(Authentication authentication) {
        if (!ActorResolver.isSignedIn(authentication)) {
            return new ActorResolution.Anonymous();
        }
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return new ActorResolution.Resolved(principal.actor());
        }
        List<String> tenantAuthorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(tenantPrefix) && a.length() > tenantPrefix.length())
                .distinct().toList();
        String user = authentication.getName();
        if (tenantAuthorities.size() > 1) {
            return new ActorResolution.Unmapped(ActorResolution.Reason.AMBIGUOUS_TENANT, "User '" + user
                    + "' holds several tenant authorities (" + String.join(", ", tenantAuthorities) + "), so the tenant of"
                    + " this request is ambiguous: give each user exactly one authority " + tenantPrefix + "<tenantId>,"
                    + " or map users to actors with an ActorResolver bean of your own", tenantAuthorities);
        }
        boolean team = authentication.getAuthorities().stream().anyMatch(a -> teamAuthority.equals(a.getAuthority()));
        Optional<TenantId> tenant;
        if (tenantAuthorities.isEmpty()) {
            tenant = defaultTenant;
        } else {
            try {
                tenant = Optional.of(TenantId.of(tenantAuthorities.get(0).substring(tenantPrefix.length())));
            } catch (WorkspaceException invalidId) {
                return new ActorResolution.Unmapped(ActorResolution.Reason.NO_TENANT, "User '" + user
                        + "' holds the authority '" + tenantAuthorities.get(0) + "', which names no valid tenant id: "
                        + invalidId.getMessage(), tenantAuthorities);
            }
        }
        if (tenant.isEmpty()) {
            return new ActorResolution.Unmapped(ActorResolution.Reason.NO_TENANT, "User '" + user
                    + "' is signed in but belongs to no workspace tenant: give the user an authority " + tenantPrefix
                    + "<tenantId> (e.g. " + tenantPrefix + "acme), or set client-workspace.security.default-tenant-id"
                    + " to the tenant of users without one", List.of());
        }
        try {
            return new ActorResolution.Resolved(new Actor(tenant.get(), UserId.of(user), team ? ActorKind.TEAM : ActorKind.CLIENT));
        } catch (WorkspaceException invalidUserId) {
            return new ActorResolution.Unmapped(ActorResolution.Reason.NO_ACTOR, "The user name of this user is no valid"
                    + " workspace user id (" + invalidUserId.getMessage() + "); map users to ids with an ActorResolver"
                    + " bean of your own", List.of());
        }
    }
}
