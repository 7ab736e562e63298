package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.jpa.JpaTenantStore;
import io.clientworkspace.jpa.JpaTransactions;
import io.clientworkspace.memory.InMemoryTenantStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.OutboxRelay;
import io.clientworkspace.spring.SpringJpaTransactions;
import io.clientworkspace.spring.WorkspaceSchemaInitializer;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WorkspaceJpaAutoConfiguration} and {@link WorkspaceJpaStoresAutoConfiguration}: with a
 * DataSource (H2), Hibernate and Flyway the kit migrates its schema and keeps its data in the host's
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceJpaAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.ALL)
            // Hibernate checks its mappings against the migrated schema instead of creating its own.
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

    private static JdbcTemplate jdbc(org.springframework.context.ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    @Test
    void withADatasourceAndHibernateTheJpaStoresAreChosen(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Stores.class);
            Stores stores = context.getBean(Stores.class);
            assertThat(stores.tenants()).isInstanceOf(JpaTenantStore.class);
            assertThat(stores.outbox()).isPresent();
            assertThat(context.getBean(JpaTransactions.class)).isInstanceOf(SpringJpaTransactions.class);
            assertThat(output.getAll().substring(mark)).doesNotContain("IN-MEMORY stores");
        });
    }

    @Test
    void theKitsSchemaIsMigratedIntoItsOwnHistoryTable() {
        runner.run(context -> {
            List<Map<String, Object>> history = jdbc(context).queryForList(
                    "select \"version\", \"success\" from \"cwk_schema_history\" where \"version\" is not null"
                            + " and \"type\" <> 'BASELINE' order by \"installed_rank\"");
            assertThat(history).isNotEmpty();
            assertThat(history.get(0)).containsEntry("version", "1").containsEntry("success", true);
            assertThat(jdbc(context).queryForObject("select count(*) from cwk_workspace", Integer.class)).isZero();
        });
    }

    @Test
    void theHostsOwnFlywayHistoryHoldsNoneOfTheKitsMigrations() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Flyway.class);
            Integer kitRows = jdbc(context).queryForObject(
                    "select count(*) from \"flyway_schema_history\" where lower(\"script\") like '%client_workspace%'",
                    Integer.class);
            assertThat(kitRows).isZero();
        });
    }

    @Test
    void hibernateValidatesItsMappingsAgainstTheMigratedSchema() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class);
            assertThat(context.getBean(WorkspaceSchemaInitializer.class)).isNotNull();
        });
    }

    @Test
    void everyEntityClassOfTheJpaFeaturesIsManagedByTheHostsPersistenceUnit() {
        runner.run(context -> {
            jakarta.persistence.metamodel.Metamodel metamodel = context.getBean(EntityManagerFactory.class).getMetamodel();
            assertThat(io.clientworkspace.jpa.JpaStores.ENTITY_CLASSES).isNotEmpty().allSatisfy(entity ->
                    assertThat(metamodel.entity(entity).getJavaType()).isEqualTo(entity));
        });
    }

    @Test
    void theAutoConfigurationPackagesHoldThePackageOfEveryJpaFeaturesEntities() {
        runner.run(context -> assertThat(org.springframework.boot.autoconfigure.AutoConfigurationPackages.get(context))
                .containsAll(java.util.Arrays.asList(WorkspaceJpaAutoConfiguration.EntityPackages.entityPackages())));
    }

    @Test
    void theKitsSchemaIsMigratedBeforeHibernateStartsEvenWithoutBootsFlywayAutoConfiguration() {
        new ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                        org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
                        org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class))
                .withConfiguration(KitAutoConfigurations.ALL)
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Flyway.class);
                    assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(JpaTenantStore.class);
                });
    }

    @Test
    void theKitKeepsItsDataInTheHostsDatabase() {
        runner.run(context -> {
            Workspace workspace = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(jdbc(context).queryForObject("select slug from cwk_workspace where id = ?", String.class,
                    workspace.id().value())).isEqualTo("acme");
        });
    }

    @Test
    void theMigratedConstraintsHoldATakenSlugIsAConflict() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            Actor alice = Actor.team(tenant.id(), "alice");
            kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));

            assertThatThrownBy(() -> kit.workspaces().create(alice, NewWorkspace.of("Acme again", "acme")))
                    .isInstanceOf(ConflictException.class);
            assertThat(jdbc(context).queryForObject("select count(*) from cwk_workspace", Integer.class)).isOne();
        });
    }

    @Test
    void aCustomHistoryTableHoldsTheKitsMigrations() {
        runner.withPropertyValues("client-workspace.jpa.history-table=kit_history").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(jdbc(context).queryForObject("select count(*) from \"kit_history\" where \"version\" = '1'",
                    Integer.class)).isOne();
        });
    }

    @Test
    void withMigrateFalseTheKitLeavesTheSchemaToTheHost() {
        runner.withPropertyValues("client-workspace.jpa.migrate=false", "spring.jpa.hibernate.ddl-auto=create-drop")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceSchemaInitializer.class);
                    assertThat(jdbc(context).queryForObject("select count(*) from information_schema.tables"
                            + " where lower(table_name) = 'cwk_schema_history'", Integer.class)).isZero();
                });
    }

    @Test
    void withoutFlywayOnTheClassPathTheKitDoesNotMigrate() {
        runner.withClassLoader(new FilteredClassLoader(Flyway.class))
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceSchemaInitializer.class);
                    assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(JpaTenantStore.class);
                });
    }

    @Test
    void storeMemoryForcesTheInMemoryStoresEvenWithJpa() {
        runner.withPropertyValues("client-workspace.store=memory").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceSchemaInitializer.class)
                    .doesNotHaveBean(JpaTransactions.class);
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
        });
    }

    @Test
    void storeJpaWithJpaChoosesTheJpaStores() {
        runner.withPropertyValues("client-workspace.store=jpa").run(context ->
                assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(JpaTenantStore.class));
    }

    @Test
    void theJpaTransactionsBackOffWhenTheHostDeclaresItsOwn() {
        runner.withUserConfiguration(OwnTransactions.class).run(context -> {
            assertThat(context).hasSingleBean(JpaTransactions.class).hasBean("hostTransactions");
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
        });
    }

    @Test
    void theJpaStoresBackOffWhenTheHostDeclaresItsOwnStores() {
        runner.withUserConfiguration(WorkspaceAutoConfigurationTest.OwnStores.class).run(context -> {
            assertThat(context).hasSingleBean(Stores.class);
            assertThat(context.getBean(Stores.class).tenants()).isInstanceOf(InMemoryTenantStore.class);
        });
    }

    @Test
    void theOutboxRelayRunsOnTheJpaStores() {
        runner.run(context -> assertThat(context.getBean(OutboxRelay.class).isRunning()).isTrue());
    }

    @Test
    void aRelayIntervalOfZeroTurnsTheOutboxRelayOff() {
        runner.withPropertyValues("client-workspace.events.relay-interval=0s")
                .run(context -> assertThat(context.getBean(OutboxRelay.class).isRunning()).isFalse());
    }

    @Test
    void insideAHostTransactionEventsArePublishedOnlyWhenItCommits() {
        runner.withUserConfiguration(RecordingApplicationListener.class).run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            List<DomainEvent> heard = context.getBean(RecordingApplicationListener.class).events;
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            heard.clear();
            TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            host.executeWithoutResult(status -> {
                kit.workspaces().create(Actor.team(tenant.id(), "alice"), NewWorkspace.of("Acme", "acme"));
                assertThat(heard).isEmpty();
            });

            assertThat(heard).hasAtLeastOneElementOfType(WorkspaceEvent.WorkspaceCreated.class);
        });
    }

    @Test
    void whenTheHostTransactionRollsBackNothingIsStoredAndNoEventIsPublished() {
        runner.withUserConfiguration(RecordingApplicationListener.class).run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            List<DomainEvent> heard = context.getBean(RecordingApplicationListener.class).events;
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            heard.clear();
            TransactionTemplate host = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            host.executeWithoutResult(status -> {
                kit.workspaces().create(Actor.team(tenant.id(), "alice"), NewWorkspace.of("Acme", "acme"));
                status.setRollbackOnly();
            });

            assertThat(heard).isEmpty();
            assertThat(jdbc(context).queryForObject("select count(*) from cwk_workspace", Integer.class)).isZero();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransactions {
        @Bean
        JpaTransactions hostTransactions(PlatformTransactionManager transactionManager, EntityManagerFactory emf) {
            return new SpringJpaTransactions(transactionManager, emf);
        }
    }

    static class RecordingApplicationListener {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DomainEvent event) {
            events.add(event);
        }
    }
}
