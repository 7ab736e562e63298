package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.security.DefaultActorResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WorkspaceSecurityAutoConfiguration}: the bridge from Spring Security to the kit's actors. */
class WorkspaceSecurityAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    private static TestingAuthenticationToken authenticated(String name, String... authorities) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(name, null, authorities);
        token.setAuthenticated(true);
        return token;
    }

    @Test
    void withSpringSecurityTheDefaultActorResolverIsRegistered() {
        runner.run(context -> assertThat(context).getBean(ActorResolver.class).isInstanceOf(DefaultActorResolver.class));
    }

    @Test
    void theDefaultResolverReadsTheTenantAuthorityAndTheTeamAuthority() {
        runner.run(context -> {
            ActorResolver resolver = context.getBean(ActorResolver.class);

            assertThat(resolver.resolve(authenticated("alice", "TENANT_northwind", "ROLE_WORKSPACE_TEAM")))
                    .contains(Actor.team(TenantId.of("northwind"), "alice"));
            assertThat(resolver.resolve(authenticated("jane", "TENANT_northwind")))
                    .contains(Actor.client(TenantId.of("northwind"), "jane"));
        });
    }

    @Test
    void theActorResolverBacksOffWhenTheHostDeclaresItsOwn() {
        ActorResolver own = authentication -> Optional.empty();

        runner.withBean(ActorResolver.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(ActorResolver.class)).isSameAs(own);
        });
    }

    @Test
    void withoutSpringSecurityThereIsNoActorResolverAndTheKitStillStarts() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ActorResolver.class);
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(io.clientworkspace.WorkspaceKit.class));
        });
    }
}
