package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clientworkspace.jpa.JpaStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the database benchmarks run on: one embedded server (zonky's real PostgreSQL
 * binaries, as in the JPA tests), started by the runner, with one database per data set. JMH's forked
 * JVMs find it through the system property {@value #SERVER_PROPERTY} (a JDBC URL without a database
 * name) and open their own pools and entity manager factories on it.
 *
 * <p>Commits are durable: zonky turns {@code synchronous_commit} off by default, which would make
 * write throughput look better than any production server; it is switched back on here. The server
 * has no replicas ({@code wal_level=minimal}), so that the bulk loads can skip the write-ahead log.
 */
public final class BenchDatabase implements AutoCloseable {

    /** System property with the server's JDBC URL prefix, e.g. {@code jdbc:postgresql://localhost:5432/}. */
    public static final String SERVER_PROPERTY = "cwk.bench.postgres";

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final String serverUrl;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.serverUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
    }

    /**
     * Starts an embedded PostgreSQL server with its data in {@code dataDirectory} (emptied first, and
     * again when the server stops) and publishes its URL in {@value #SERVER_PROPERTY}.
     */
    public static BenchDatabase start(Path dataDirectory) {
        try {
            RunAll.deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("max_connections", "200")
                    // No replication: bulk loads into tables truncated in the same transaction skip the WAL.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .start();
            BenchDatabase db = new BenchDatabase(postgres);
            System.setProperty(SERVER_PROPERTY, db.serverUrl);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** The server's JDBC URL prefix. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The PostgreSQL server version, for the report. */
    public String serverVersion() {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", USER, PASSWORD)) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    /**
     * Writes every dirty page to disk now ({@code CHECKPOINT}), so that the background flushing of a bulk
     * load does not land in the measurements that follow it.
     */
    public void checkpoint() {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT failed", e);
        }
    }

    /** Creates (or re-creates) an empty database and migrates it with the kit's shipped Flyway scripts. */
    public void createMigrated(String database) {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        try (HikariDataSource ds = pool(serverUrl, database, 2)) {
            Flyway.configure().dataSource(ds)
                    .locations("classpath:" + JpaStores.MIGRATIONS_POSTGRESQL)
                    .table("cwk_schema_history").baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        }
    }

    /** A pool on one database of the server named by {@value #SERVER_PROPERTY}. */
    public static HikariDataSource pool(String database, int size) {
        String server = System.getProperty(SERVER_PROPERTY);
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("No benchmark database server: set -D" + SERVER_PROPERTY
                    + " (the runner does this), or start one with BenchDatabase.start()");
        }
        return pool(server, database, size);
    }

    private static HikariDataSource pool(String server, String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server + database);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 4));
        config.setPoolName("bench-" + database);
        return new HikariDataSource(config);
    }

    /**
     * An entity manager factory on the data source, configured as the README tells hosts without Spring
     * to do it; {@code statistics} turns on Hibernate's statement counting (off while timing).
     */
    public static EntityManagerFactory emf(javax.sql.DataSource dataSource, boolean statistics) {
        PersistenceConfiguration config = new PersistenceConfiguration("cwk-bench")
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.generate_statistics", Boolean.toString(statistics))
                .property("hibernate.jdbc.time_zone", "UTC")
                .validationMode(ValidationMode.NONE);
        JpaStores.ENTITY_CLASSES.forEach(config::managedClass);
        return Persistence.createEntityManagerFactory(config);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
