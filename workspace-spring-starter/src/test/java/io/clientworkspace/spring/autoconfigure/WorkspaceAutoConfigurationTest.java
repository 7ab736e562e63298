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
    void customizerBeansAdjustTheBuilderBeforeTheKitIsBuilt() {
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<WorkspaceKit> seen = new java.util.concurrent.atomic.AtomicReference<>();
        runner.withBean("second", io.clientworkspace.spring.WorkspaceKitCustomizer.class,
                        () -> builder -> calls.add("second"))
                .withBean("first", io.clientworkspace.spring.WorkspaceKitCustomizer.class,
                        () -> builder -> {
                            calls.add("first");
                            builder.downloadPolicyFrom(kit -> {
                                seen.set(kit);
                                return io.clientworkspace.file.DownloadPolicy.allowAll();
                            });
                        })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(calls).containsExactlyInAnyOrder("first", "second");
                    assertThat(seen.get()).as("a policy built from the kit gets the kit of the context")
                            .isSameAs(context.getBean(WorkspaceKit.class));
                });
    }

    @Test
    void withoutJpaTheKitRunsOnInMemoryStores() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Stores.class).hasSingleBean(WorkspaceKit.class);
            Stores stores = context.getBean(Stores.class);
            assertThat(stores.tenants()).isInstanceOf(InMemoryTenantStore.class);
            Workspace created = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(stores.workspaces().find(created.tenantId(), created.id())).contains(created);
        });
    }

    @Test
    void withoutWorkspaceJpaOnTheClassPathTheKitRunsOnInMemoryStores() {
        runner.withClassLoader(new FilteredClassLoader(JpaStores.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceSchemaInitializer.class);
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
        });
    }

    @Test
    void theInMemoryStoresAreAnnouncedWithAWARNLog(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output.getAll().substring(mark).lines().filter(line -> line.contains("IN-MEMORY stores")))
                    .singleElement().asString().contains("WARN").contains("client-workspace.store=auto");
        });
    }

    @Test
    void theAutoConfiguredKitWorks() {
        runner.run(context -> {
            Workspace workspace = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(workspace.slug()).isEqualTo("acme");
        });
    }

    @Test
    void theStoresBackOffWhenTheHostDeclaresItsOwnAndNothingWarns(CapturedOutput output) {
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
    void theKitBacksOffWhenTheHostDeclaresItsOwn() {
        runner.withUserConfiguration(OwnKit.class).run(context -> {
            assertThat(context).hasSingleBean(WorkspaceKit.class);
            assertThat(context.getBean(WorkspaceKit.class)).isSameAs(context.getBean(OwnKit.class).kit);
        });
    }

    @Test
    void theKitTakesTheHostsClockIdGeneratorAndDefaultPermissionMatrix() {
        runner.withUserConfiguration(OwnClockIdsAndMatrix.class).run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));

            assertThat(tenant.id().value()).isEqualTo("id-1");
            assertThat(tenant.createdAt()).isEqualTo(OwnClockIdsAndMatrix.NOW);
            assertThat(kit.authorizer().defaultMatrix()).isEqualTo(OwnClockIdsAndMatrix.MATRIX);
        });
    }

    @Test
    void everyDomainEventListenerBeanHearsTheKitsEvents() {
        runner.withUserConfiguration(RecordingListener.class).run(context -> {
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(context.getBean(RecordingListener.class).events)
                    .hasAtLeastOneElementOfType(WorkspaceEvent.WorkspaceCreated.class);
        });
    }

    @Test
    void storeJpaWithoutJpaFailsStartupSayingWhatToAdd() {
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
    void storeMemoryChoosesTheInMemoryStoresAndSaysSo(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withPropertyValues("client-workspace.store=memory").run(context -> {
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
            assertThat(output.getAll().substring(mark)).contains("client-workspace.store=memory");
        });
    }

    @Test
    void anUnknownStoreFailsStartup() {
        runner.withPropertyValues("client-workspace.store=mongodb").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void domainEventsAreBridgedToSpringApplicationEventsByDefault() {
        runner.run(context -> assertThat(context).hasSingleBean(ApplicationEventBridge.class));
    }

    @Test
    void theEventBridgeIsOffWithPublishApplicationEventsFalse() {
        runner.withPropertyValues("client-workspace.events.publish-application-events=false")
                .run(context -> assertThat(context).doesNotHaveBean(ApplicationEventBridge.class));
    }

    @Test
    void theEventBridgeBacksOffWhenTheHostDeclaresItsOwn() {
        runner.withBean("hostBridge", ApplicationEventBridge.class, () -> new ApplicationEventBridge(event -> { }))
                .run(context -> {
                    assertThat(context).hasSingleBean(ApplicationEventBridge.class);
                    assertThat(context).hasBean("hostBridge");
                });
    }

    @Test
    void theOutboxRelayDoesNotRunOnStoresWithoutAnOutbox() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OutboxRelay.class);
            assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse();
        });
    }

    @Test
    void theOutboxRelayBacksOffWhenTheHostDeclaresItsOwn() {
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
