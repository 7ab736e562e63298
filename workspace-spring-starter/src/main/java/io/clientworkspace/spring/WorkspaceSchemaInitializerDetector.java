package io.clientworkspace.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link WorkspaceSchemaInitializer} initializes the database, so that the
 * entity manager factory, JdbcTemplate and the like start only after it.
 */
public final class WorkspaceSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector
        implements DatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(WorkspaceSchemaInitializer.class);
    }
}
