package io.clientworkspace.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link WorkspaceSchemaInitializer} initializes the database, so that the
 * entity manager factory, JdbcTemplate and the like start only after it.
 *
 * <p>Its order puts the kit's migrations <em>after</em> the host's own Flyway migrations (Boot's Flyway
 * detectors have orders 0 and 1) and before SQL init scripts. The other way round, the host's Flyway
 * would find the kit's tables in a schema without its own history table and refuse to start
 * ("Found non-empty schema(s) ... but no schema history table"), while the kit's migrations
 * baseline on a schema that already holds the host's tables.
 */
public final class WorkspaceSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector
        implements DatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(WorkspaceSchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return 2;
    }
}
