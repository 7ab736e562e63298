package io.clientworkspace.spring;

import io.clientworkspace.jpa.JpaStores;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Applies the kit's schema migrations with Flyway before the entity manager factory starts. Uses its
 * own history table ({@code client-workspace.jpa.history-table}, default {@code cwk_schema_history}) and a
 * baseline of version 0, so that the kit's versions never clash with the host's own Flyway
 * migrations and run even in a schema that already holds the host's tables.
 */
public final class WorkspaceSchemaInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSchemaInitializer.class);

    private final DataSource dataSource;
    private final String historyTable;

    public WorkspaceSchemaInitializer(DataSource dataSource, String historyTable) {
        this.dataSource = requireNonNull(dataSource, "dataSource must not be null");
        this.historyTable = requireNonNull(historyTable, "historyTable must not be null");
    }

    @Override
    public void afterPropertiesSet() {
        String location = location();
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        log.info("Client Workspace Kit schema: {} migration(s) applied from {}", result.migrationsExecuted, location);
    }

    private String location() {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database to migrate the workspace schema", e);
        }
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
        return switch (driver) {
            case POSTGRESQL -> JpaStores.MIGRATIONS_POSTGRESQL;
            case H2 -> JpaStores.MIGRATIONS_H2;
            default -> throw new WorkspaceConfigurationException("Client Workspace Kit ships migrations for PostgreSQL"
                    + " and H2, not for " + driver + " (" + url + ").", "Apply equivalent SQL yourself and set"
                    + " client-workspace.jpa.migrate=false.");
        };
    }
}
