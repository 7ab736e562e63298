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
    void aUserWithTheTenantAndTeamAuthoritiesIsATeamActorOfThatTenant() {
        assertThat(resolver.resolve(signedIn("alice", "TENANT_northwind", "ROLE_WORKSPACE_TEAM")))
                .contains(Actor.team(TenantId.of("northwind"), "alice"));
    }

    @Test
    void aUserWithOnlyTheTenantAuthorityIsAClientActor() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_northwind", "ROLE_USER")))
                .contains(Actor.client(TenantId.of("northwind"), "jane"));
    }

    @Test
    void aUserWithoutATenantAuthorityAndNoDefaultTenantIsNoActor() {
        assertThat(resolver.resolve(signedIn("jane", "ROLE_USER"))).isEmpty();
    }

    @Test
    void aUserWithTwoTenantAuthoritiesIsNoActor() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_a", "TENANT_b"))).isEmpty();
    }

    @Test
    void theSameTenantAuthorityTwiceIsOneTenant() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_a", "TENANT_a")))
                .contains(Actor.client(TenantId.of("a"), "jane"));
    }

    @Test
    void theBarePrefixNamesNoTenant() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_"))).isEmpty();
    }

    @Test
    void anInvalidTenantOrUserIdIsNoActorRatherThanAnError() {
        assertThat(resolver.resolve(signedIn("jane", "TENANT_ padded"))).isEmpty();
        assertThat(resolver.resolve(signedIn("x".repeat(200), "TENANT_a"))).isEmpty();
    }

    @Test
    void anUnauthenticatedTokenIsNoActor() {
        assertThat(resolver.resolve(new TestingAuthenticationToken("jane", null))).isEmpty();
    }

    @Test
    void anAnonymousUserIsNoActorEvenWithATenantAuthority() {
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("TENANT_northwind"));

        assertThat(resolver.resolve(anonymous)).isEmpty();
    }

    @Test
    void theDefaultTenantServesUsersWithoutATenantAuthority() {
        DefaultActorResolver singleTenant = new DefaultActorResolver("TENANT_", "ROLE_WORKSPACE_TEAM",
                Optional.of(TenantId.of("only")));

        assertThat(singleTenant.resolve(signedIn("alice", "ROLE_WORKSPACE_TEAM")))
                .contains(Actor.team(TenantId.of("only"), "alice"));
    }

    @Test
    void aTenantAuthorityWinsOverTheDefaultTenant() {
        DefaultActorResolver singleTenant = new DefaultActorResolver("TENANT_", "ROLE_WORKSPACE_TEAM",
                Optional.of(TenantId.of("only")));

        assertThat(singleTenant.resolve(signedIn("jane", "TENANT_other")))
                .contains(Actor.client(TenantId.of("other"), "jane"));
    }

    @Test
    void anActorPrincipalGivesItsOwnActorWhateverTheAuthorities() {
        Actor actor = Actor.team(TenantId.of("northwind"), "alice");
        ActorPrincipal principal = () -> actor;
        TestingAuthenticationToken token = new TestingAuthenticationToken(principal, null, "TENANT_elsewhere");
        token.setAuthenticated(true);

        assertThat(resolver.resolve(token)).contains(actor);
    }

    @Test
    void explainSaysASignedInUserWithoutATenantHasNoTenantNamingThePrefixAndTheProperty() {
        DefaultActorResolver custom = new DefaultActorResolver("ORG_", "ROLE_WORKSPACE_TEAM", Optional.empty());

        ActorResolution resolution = custom.explain(signedIn("jane", "ROLE_USER"));

        assertThat(resolution).isInstanceOfSatisfying(ActorResolution.Unmapped.class, unmapped -> {
            assertThat(unmapped.reason()).isEqualTo(ActorResolution.Reason.NO_TENANT);
            assertThat(unmapped.detail()).contains("ORG_<tenantId>", "client-workspace.security.default-tenant-id");
        });
    }

    @Test
    void explainSaysSeveralTenantAuthoritiesAreAmbiguousNamingThem() {
        ActorResolution resolution = resolver.explain(signedIn("jane", "TENANT_a", "TENANT_b", "ROLE_USER"));

        assertThat(resolution).isInstanceOfSatisfying(ActorResolution.Unmapped.class, unmapped -> {
            assertThat(unmapped.reason()).isEqualTo(ActorResolution.Reason.AMBIGUOUS_TENANT);
            assertThat(unmapped.authorities()).containsExactly("TENANT_a", "TENANT_b");
        });
    }

    @Test
    void explainSaysNobodyIsSignedInForAnAnonymousUser() {
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(resolver.explain(anonymous)).isInstanceOf(ActorResolution.Anonymous.class);
        assertThat(resolver.explain(new TestingAuthenticationToken("jane", null))).isInstanceOf(ActorResolution.Anonymous.class);
    }

    @Test
    void explainResolvesTheSameActorAsResolve() {
        TestingAuthenticationToken alice = signedIn("alice", "TENANT_northwind", "ROLE_WORKSPACE_TEAM");

        assertThat(resolver.explain(alice).resolvedActor()).isEqualTo(resolver.resolve(alice))
                .contains(Actor.team(TenantId.of("northwind"), "alice"));
    }

    @Test
    void aHostResolverThatMapsASignedInUserToNothingExplainsItAsNoActor() {
        ActorResolver host = authentication -> Optional.empty();

        assertThat(host.explain(signedIn("jane", "ROLE_USER"))).isInstanceOfSatisfying(ActorResolution.Unmapped.class,
                unmapped -> assertThat(unmapped.reason()).isEqualTo(ActorResolution.Reason.NO_ACTOR));
    }
}
