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
    void with_spring_security_the_default_actor_resolver_is_registered() {
        runner.run(context -> assertThat(context).getBean(ActorResolver.class).isInstanceOf(DefaultActorResolver.class));
    }

    @Test
    void the_default_resolver_reads_the_tenant_authority_and_the_team_authority() {
        runner.run(context -> {
            ActorResolver resolver = context.getBean(ActorResolver.class);

            assertThat(resolver.resolve(authenticated("alice", "TENANT_northwind", "ROLE_WORKSPACE_TEAM")))
                    .contains(Actor.team(TenantId.of("northwind"), "alice"));
            assertThat(resolver.resolve(authenticated("jane", "TENANT_northwind")))
                    .contains(Actor.client(TenantId.of("northwind"), "jane"));
        });
    }

    @Test
    void the_actor_resolver_backs_off_when_the_host_declares_its_own() {
        ActorResolver own = authentication -> Optional.empty();

        runner.withBean(ActorResolver.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(ActorResolver.class)).isSameAs(own);
        });
    }

    @Test
    void without_spring_security_there_is_no_actor_resolver_and_the_kit_still_starts() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ActorResolver.class);
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(io.clientworkspace.WorkspaceKit.class));
        });
    }
}
