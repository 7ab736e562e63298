package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.security.ActorResolver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code client-workspace.*} properties bind, have working defaults, and reach the beans they configure. */
class WorkspacePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    @Test
    void everyPropertyHasADefault() {
        runner.run(context -> {
            WorkspaceProperties properties = context.getBean(WorkspaceProperties.class);
            assertThat(properties.getStore()).isEqualTo(WorkspaceProperties.Store.AUTO);
            assertThat(properties.getCache().getMaximumSize()).isEqualTo(100_000);
            assertThat(properties.getCache().getExpireAfterWrite()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getRest().isEnabled()).isTrue();
            assertThat(properties.getRest().getBasePath()).isEqualTo("/api");
            assertThat(properties.getSecurity().getTenantAuthorityPrefix()).isEqualTo("TENANT_");
            assertThat(properties.getSecurity().getTeamAuthority()).isEqualTo("ROLE_WORKSPACE_TEAM");
            assertThat(properties.getSecurity().getDefaultTenantId()).isEmpty();
            assertThat(properties.getEvents().isPublishApplicationEvents()).isTrue();
            assertThat(properties.getEvents().getRelayInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.getJpa().isMigrate()).isTrue();
            assertThat(properties.getJpa().getHistoryTable()).isEqualTo("cwk_schema_history");
        });
    }

    @Test
    void cachePropertiesBind() {
        runner.withPropertyValues("client-workspace.cache.maximum-size=10", "client-workspace.cache.expire-after-write=5m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    WorkspaceProperties.Cache cache = context.getBean(WorkspaceProperties.class).getCache();
                    assertThat(cache.getMaximumSize()).isEqualTo(10);
                    assertThat(cache.getExpireAfterWrite()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @Test
    void aNegativeCacheSizeFailsStartupNamingIt() {
        runner.withPropertyValues("client-workspace.cache.maximum-size=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maximumSize");
        });
    }

    @Test
    void restPropertiesBind() {
        runner.withPropertyValues("client-workspace.rest.enabled=false", "client-workspace.rest.base-path=/portal-api")
                .run(context -> {
                    WorkspaceProperties.Rest rest = context.getBean(WorkspaceProperties.class).getRest();
                    assertThat(rest.isEnabled()).isFalse();
                    assertThat(rest.getBasePath()).isEqualTo("/portal-api");
                });
    }

    @Test
    void securityPropertiesBindAndDriveTheDefaultActorResolver() {
        runner.withPropertyValues("client-workspace.security.tenant-authority-prefix=ORG_",
                        "client-workspace.security.team-authority=STAFF")
                .run(context -> {
                    WorkspaceProperties.Security security = context.getBean(WorkspaceProperties.class).getSecurity();
                    assertThat(security.getTenantAuthorityPrefix()).isEqualTo("ORG_");
                    assertThat(security.getTeamAuthority()).isEqualTo("STAFF");

                    TestingAuthenticationToken staff = new TestingAuthenticationToken("alice", null, "ORG_acme", "STAFF");
                    TestingAuthenticationToken defaults = new TestingAuthenticationToken("bob", null,
                            "TENANT_acme", "ROLE_WORKSPACE_TEAM");
                    ActorResolver resolver = context.getBean(ActorResolver.class);
                    assertThat(resolver.resolve(staff)).contains(Actor.team(TenantId.of("acme"), "alice"));
                    assertThat(resolver.resolve(defaults)).isEmpty();
                });
    }

    @Test
    void theDefaultTenantServesUsersWithoutATenantAuthority() {
        runner.withPropertyValues("client-workspace.security.default-tenant-id= single-tenant ").run(context -> {
            assertThat(context.getBean(ActorResolver.class)
                    .resolve(new TestingAuthenticationToken("jane", null, "ROLE_USER")))
                    .contains(Actor.client(TenantId.of("single-tenant"), "jane"));
        });
    }

    @Test
    void eventPropertiesBind() {
        runner.withPropertyValues("client-workspace.events.publish-application-events=false",
                "client-workspace.events.relay-interval=15s").run(context -> {
                    WorkspaceProperties.Events events = context.getBean(WorkspaceProperties.class).getEvents();
                    assertThat(events.isPublishApplicationEvents()).isFalse();
                    assertThat(events.getRelayInterval()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void jpaPropertiesBind() {
        runner.withPropertyValues("client-workspace.jpa.migrate=false", "client-workspace.jpa.history-table=kit_history")
                .run(context -> {
                    WorkspaceProperties.Jpa jpa = context.getBean(WorkspaceProperties.class).getJpa();
                    assertThat(jpa.isMigrate()).isFalse();
                    assertThat(jpa.getHistoryTable()).isEqualTo("kit_history");
                });
    }

    @Test
    void storeBindsInAnyLetterCase() {
        runner.withPropertyValues("client-workspace.store=MEMORY").run(context ->
                assertThat(context.getBean(WorkspaceProperties.class).getStore()).isEqualTo(WorkspaceProperties.Store.MEMORY));
    }

    @Test
    void theLiveUpdateOutboxAndSenderPropertiesBind() {
        runner.withPropertyValues("client-workspace.rest.live-updates.outbox-capacity=7",
                "client-workspace.rest.live-updates.sender-threads=2").run(context -> {
                    WorkspaceProperties.Rest.LiveUpdates live = context.getBean(WorkspaceProperties.class).getRest()
                            .getLiveUpdates();
                    assertThat(live.getOutboxCapacity()).isEqualTo(7);
                    assertThat(live.getSenderThreads()).isEqualTo(2);
                });
    }
}
