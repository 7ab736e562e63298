package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.IdGenerator;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.memory.InMemoryTenantStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.ApplicationEventBridge;
import io.clientworkspace.spring.OutboxRelay;
import io.clientworkspace.spring.WorkspaceSchemaInitializer;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WorkspaceAutoConfiguration}: the kit, its stores and what it is built from. */
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    @Test
    void without_jpa_the_kit_runs_on_in_memory_stores() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Stores.class).hasSingleBean(WorkspaceKit.class);
            Stores stores = context.getBean(Stores.class);
            assertThat(stores.tenants()).isInstanceOf(InMemoryTenantStore.class);
            Workspace created = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(stores.workspaces().find(created.tenantId(), created.id())).contains(created);
        });
    }

    @Test
    void without_workspace_jpa_on_the_class_path_the_kit_runs_on_in_memory_stores() {
        runner.withClassLoader(new FilteredClassLoader(JpaStores.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceSchemaInitializer.class);
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
        });
    }

    @Test
    void the_in_memory_stores_are_announced_with_a_WARN_log(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output.getAll().substring(mark).lines().filter(line -> line.contains("IN-MEMORY stores")))
                    .singleElement().asString().contains("WARN").contains("client-workspace.store=auto");
        });
    }

    @Test
    void the_auto_configured_kit_works() {
        runner.run(context -> {
            Workspace workspace = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(workspace.slug()).isEqualTo("acme");
        });
    }

    @Test
    void the_stores_back_off_when_the_host_declares_its_own_and_nothing_warns(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withUserConfiguration(OwnStores.class).run(context -> {
            assertThat(context).hasSingleBean(Stores.class);
            assertThat(context.getBean(Stores.class)).isSameAs(context.getBean(OwnStores.class).stores);
            Workspace created = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(context.getBean(OwnStores.class).stores.workspaces().find(created.tenantId(), created.id()))
                    .contains(created);
            assertThat(output.getAll().substring(mark)).doesNotContain("IN-MEMORY stores");
        });
    }

    @Test
    void the_kit_backs_off_when_the_host_declares_its_own() {
        runner.withUserConfiguration(OwnKit.class).run(context -> {
            assertThat(context).hasSingleBean(WorkspaceKit.class);
            assertThat(context.getBean(WorkspaceKit.class)).isSameAs(context.getBean(OwnKit.class).kit);
        });
    }

    @Test
    void the_kit_takes_the_hosts_clock_id_generator_and_default_permission_matrix() {
        runner.withUserConfiguration(OwnClockIdsAndMatrix.class).run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));

            assertThat(tenant.id().value()).isEqualTo("id-1");
            assertThat(tenant.createdAt()).isEqualTo(OwnClockIdsAndMatrix.NOW);
            assertThat(kit.authorizer().defaultMatrix()).isEqualTo(OwnClockIdsAndMatrix.MATRIX);
        });
    }

    @Test
    void every_DomainEventListener_bean_hears_the_kits_events() {
        runner.withUserConfiguration(RecordingListener.class).run(context -> {
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(context.getBean(RecordingListener.class).events)
                    .hasAtLeastOneElementOfType(WorkspaceEvent.WorkspaceCreated.class);
        });
    }

    @Test
    void store_jpa_without_jpa_fails_startup_saying_what_to_add() {
        runner.withPropertyValues("client-workspace.store=jpa").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client-workspace.store=jpa")
                    .hasMessageContaining("io.clientworkspace:workspace-jpa")
                    .hasMessageContaining("spring-boot-starter-data-jpa");
        });
    }

    @Test
    void store_memory_chooses_the_in_memory_stores_and_says_so(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withPropertyValues("client-workspace.store=memory").run(context -> {
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
            assertThat(output.getAll().substring(mark)).contains("client-workspace.store=memory");
        });
    }

    @Test
    void an_unknown_store_fails_startup() {
        runner.withPropertyValues("client-workspace.store=mongodb").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void domain_events_are_bridged_to_spring_application_events_by_default() {
        runner.run(context -> assertThat(context).hasSingleBean(ApplicationEventBridge.class));
    }

    @Test
    void the_event_bridge_is_off_with_publish_application_events_false() {
        runner.withPropertyValues("client-workspace.events.publish-application-events=false")
                .run(context -> assertThat(context).doesNotHaveBean(ApplicationEventBridge.class));
    }

    @Test
    void the_event_bridge_backs_off_when_the_host_declares_its_own() {
        runner.withBean("hostBridge", ApplicationEventBridge.class, () -> new ApplicationEventBridge(event -> { }))
                .run(context -> {
                    assertThat(context).hasSingleBean(ApplicationEventBridge.class);
                    assertThat(context).hasBean("hostBridge");
                });
    }

    @Test
    void the_outbox_relay_does_not_run_on_stores_without_an_outbox() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OutboxRelay.class);
            assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse();
        });
    }

    @Test
    void the_outbox_relay_backs_off_when_the_host_declares_its_own() {
        runner.withUserConfiguration(OwnKit.class)
                .withBean("hostRelay", OutboxRelay.class,
                        () -> new OutboxRelay(WorkspaceKit.inMemory(), java.time.Duration.ofSeconds(1), false))
                .run(context -> assertThat(context).hasSingleBean(OutboxRelay.class).hasBean("hostRelay"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStores {
        final Stores stores = InMemoryStores.create();

        @Bean
        Stores hostStores() {
            return stores;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKit {
        final WorkspaceKit kit = WorkspaceKit.inMemory();

        @Bean
        WorkspaceKit hostKit() {
            return kit;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClockIdsAndMatrix {
        static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
        static final PermissionMatrix MATRIX = PermissionMatrix.defaults()
                .with(WorkspaceRole.CLIENT_VIEWER, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.EXPORT));

        @Bean
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        IdGenerator countingIds() {
            AtomicInteger next = new AtomicInteger();
            return () -> "id-" + next.incrementAndGet();
        }

        @Bean
        PermissionMatrix viewersMayExport() {
            return MATRIX;
        }
    }

    static class RecordingListener implements DomainEventListener {
        final List<DomainEvent> events = new ArrayList<>();

        @Override
        public void onEvent(DomainEvent event) {
            events.add(event);
        }
    }
}
