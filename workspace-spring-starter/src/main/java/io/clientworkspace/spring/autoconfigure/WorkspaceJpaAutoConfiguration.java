package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.WorkspaceSchemaInitializer;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

import javax.sql.DataSource;

/**
 * Runs before Hibernate's auto-configuration: registers the packages of the kit's entities with Boot's entity
 * scanning ({@link AutoConfigurationPackages}, which adds to the host's packages instead of replacing
 * them as {@code @EntityScan} would) and, with Flyway present, migrates the kit's schema first. The packages
 * are those of {@link JpaStores#ENTITY_CLASSES}, the entities of every feature of
 * {@link io.clientworkspace.jpa.JpaFeatures#ALL}: a feature adds its entities there, never here.
 *
 * <p>A host that declares {@code @EntityScan} itself must add {@code io.clientworkspace.jpa.entity}
 * (the packages of {@link JpaStores#ENTITY_CLASSES}) to it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JpaStores.class, EntityManagerFactory.class})
@Conditional(OnJpaStoreSelected.class)
@Import(WorkspaceJpaAutoConfiguration.EntityPackages.class)
@EnableConfigurationProperties(WorkspaceProperties.class)
public class WorkspaceJpaAutoConfiguration {

    /**
     * The kit's own schema migrations, with their own Flyway history table. The import makes the entity
     * manager factory (and whatever else uses the database) wait for them; Boot's Hibernate
     * auto-configuration does not import it, so without it the order would depend on which other
     * auto-configurations (JdbcTemplate, Flyway) happen to be active.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, DatabaseDriver.class})
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "client-workspace.jpa", name = "migrate", havingValue = "true", matchIfMissing = true)
    @Import(DatabaseInitializationDependencyConfigurer.class)
    static class SchemaMigration {

        @Bean
        @ConditionalOnMissingBean
        WorkspaceSchemaInitializer workspaceSchemaInitializer(DataSource dataSource, WorkspaceProperties properties) {
            return new WorkspaceSchemaInitializer(dataSource, properties.getJpa().getHistoryTable());
        }
    }

    /** Adds the package of every entity class of the kit to Boot's auto-configuration packages. */
    static final class EntityPackages implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AutoConfigurationPackages.register(registry, entityPackages());
        }

        /** The distinct packages of {@link JpaStores#ENTITY_CLASSES}, in its order. */
        static String[] entityPackages() {
            return JpaStores.ENTITY_CLASSES.stream().map(Class::getPackageName).distinct().toArray(String[]::new);
        }
    }
}
