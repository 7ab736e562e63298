package io.clientworkspace.spring.security;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The default mapping from Spring Security's authentication to the kit's actor. */
class DefaultActorResolverTest {

    private final DefaultActorResolver resolver = new DefaultActorResolver("TENANT_", "ROLE_WORKSPACE_TEAM",
            Optional.empty());

    private static TestingAuthenticationToken signedIn(String name, String... authorities) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(name, null, authorities);
        token.setAuthenticated(true);
        return token;
    }

    @Test
    void a_user_with_the_tenant_and_team_authorities_is_a_team_actor_of_that_tenant() {
        assertThat(resolver.resolve(signedIn("alice", "TENANT_northwind", "ROLE_WORKSPACE_TEAM")))
                .contains(Actor.team(TenantId.of("northwind"), "alice"));
    }

    @Test
    void a_user_with_only_the_tenant_authority_is_a_client_actor() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_northwind", "ROLE_USER")))
                .contains(Actor.client(TenantId.of("northwind"), "jane"));
    }

    @Test
    void a_user_without_a_tenant_authority_and_no_default_tenant_is_no_actor() {
        assertThat(resolver.resolve(signedIn("jane", "ROLE_USER"))).isEmpty();
    }

    @Test
    void a_user_with_two_tenant_authorities_is_no_actor() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_a", "TENANT_b"))).isEmpty();
    }

    @Test
    void the_same_tenant_authority_twice_is_one_tenant() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_a", "TENANT_a")))
                .contains(Actor.client(TenantId.of("a"), "jane"));
    }

    @Test
    void the_bare_prefix_names_no_tenant() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_"))).isEmpty();
    }

    @Test
    void an_invalid_tenant_or_user_id_is_no_actor_rather_than_an_error() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_ padded"))).isEmpty();
        assertThat(resolver.resolve(signedIn("x".repeat(200), "TENANT_a"))).isEmpty();
    }

    @Test
    void an_unauthenticated_token_is_no_actor() {
        assertThat(resolver.resolve(new TestingAuthenticationToken("jane", null))).isEmpty();
    }

    @Test
    void an_anonymous_user_is_no_actor_even_with_a_tenant_authority() {
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("TENANT_northwind"));

        assertThat(resolver.resolve(anonymous)).isEmpty();
    }

    @Test
    void the_default_tenant_serves_users_without_a_tenant_authority() {
        DefaultActorResolver singleTenant = new DefaultActorResolver("TENANT_", "ROLE_WORKSPACE_TEAM",
                Optional.of(TenantId.of("only")));

        assertThat(singleTenant.resolve(signedIn("alice", "ROLE_WORKSPACE_TEAM")))
                .contains(Actor.team(TenantId.of("only"), "alice"));
    }

    @Test
    void a_tenant_authority_wins_over_the_default_tenant() {
        DefaultActorResolver singleTenant = new DefaultActorResolver("TENANT_", "ROLE_WORKSPACE_TEAM",
                Optional.of(TenantId.of("only")));

        assertThat(singleTenant.resolve(signedIn("jane", "TENANT_other")))
                .contains(Actor.client(TenantId.of("other"), "jane"));
    }

    @Test
    void an_ActorPrincipal_gives_its_own_actor_whatever_the_authorities() {
        Actor actor = Actor.team(TenantId.of("northwind"), "alice");
        ActorPrincipal principal = () -> actor;
        TestingAuthenticationToken token = new TestingAuthenticationToken(principal, null, "TENANT_elsewhere");
        token.setAuthenticated(true);

        assertThat(resolver.resolve(token)).contains(actor);
    }
}
