package io.clientworkspace.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The databases the JPA tests run on: an in-memory H2, and a real PostgreSQL, started once per JVM
 * with zonky's embedded PostgreSQL, or the server named by {@code CWK_TEST_POSTGRES_URL} (with
 * {@code CWK_TEST_POSTGRES_USER} and {@code CWK_TEST_POSTGRES_PASSWORD}) when that variable is set.
 *
 * <p>Each database is migrated with the shipped Flyway scripts and gets one entity manager factory
 * that validates the mapping against the migrated schema ({@code hibernate.hbm2ddl.auto=validate}), so
 * a mapping that drifts from the migrations fails every test. Tests share the factory and start
 * from empty tables ({@link #reset()}).
 */
public enum TestDatabase {

    H2 {
        @Override
        DataSource createDataSource() {
            return pool("jdbc:h2:mem:cwk;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "");
        }

        @Override
        String migrations() {
            return JpaStores.MIGRATIONS_H2;
        }
    },

    POSTGRESQL {
        @Override
        DataSource createDataSource() {
            String url = System.getenv("CWK_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                return pool(url, envOr("CWK_TEST_POSTGRES_USER", "postgres"), envOr("CWK_TEST_POSTGRES_PASSWORD", ""));
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
                return pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }

        @Override
        String migrations() {
            return JpaStores.MIGRATIONS_POSTGRESQL;
        }
    };

    /**
     * Every table of the kit, children first: the tables of {@link JpaStores#ENTITY_CLASSES} in reverse (features
     * are registered after the features they build on, and each feature lists parents before children).
     */
    private static final List<String> TABLES = reversed(JpaStores.ENTITY_CLASSES).stream()
            .map(entity -> entity.getAnnotation(jakarta.persistence.Table.class).name())
            .toList();

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private DataSource dataSource;
    private EntityManagerFactory emf;

    abstract DataSource createDataSource();

    abstract String migrations();

    /** The data source, migrated. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            DataSource created = createDataSource();
            // Exactly as the README tells hosts without Spring to do it.
            Flyway.configure().dataSource(created)
                    .locations("classpath:" + migrations())
                    .table("cwk_schema_history").baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            dataSource = created;
        }
        return dataSource;
    }

    /** The shared entity manager factory, validated against the migrated schema. */
    public synchronized EntityManagerFactory emf() {
        if (emf == null) {
            PersistenceConfiguration config = new PersistenceConfiguration("cwk-" + name().toLowerCase(java.util.Locale.ROOT))
                    .property("hibernate.connection.datasource", dataSource())
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .property("hibernate.generate_statistics", "true")
                    .property("hibernate.jdbc.time_zone", "UTC")
                    // The entities carry no Bean Validation constraints; the core validates its inputs itself.
                    .validationMode(ValidationMode.NONE);
            JpaStores.ENTITY_CLASSES.forEach(config::managedClass);
            emf = Persistence.createEntityManagerFactory(config);
        }
        return emf;
    }

    /** Empties every table of the kit. */
    public void reset() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database", e);
        }
    }

    /** Hibernate's statistics of the shared factory, for statement counts. */
    public Statistics statistics() {
        return emf().unwrap(SessionFactory.class).getStatistics();
    }

    private static DataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
