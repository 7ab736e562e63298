package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.member.Authorizer;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A kit on the JPA stores over one benchmark database, as a host without Spring builds it. */
final class JpaKit implements AutoCloseable {

    /**
     * The default cache size with a 30-minute expiry, for benchmarks of the warm (cache-hit) path: with the
     * default 30 seconds, answers loaded while a large benchmark is being set up would expire mid-run.
     */
    static final Authorizer.CacheSettings WARM = new Authorizer.CacheSettings(100_000, Duration.ofMinutes(30));

    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final WorkspaceKit kit;
    private final Path blobs;

    private JpaKit(HikariDataSource dataSource, EntityManagerFactory emf, WorkspaceKit kit, Path blobs) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.kit = kit;
        this.blobs = blobs;
    }

    static JpaKit open(String database, Authorizer.CacheSettings cache, int poolSize, boolean statistics) {
        HikariDataSource ds = BenchDatabase.pool(database, poolSize);
        EntityManagerFactory emf = BenchDatabase.emf(ds, statistics);
        Path blobs;
        try {
            // These benchmarks store no files; the kit still wants a blob store, so give it an explicit one.
            blobs = Files.createTempDirectory("cwk-bench-blobs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(emf)).authorizationCache(cache)
                .blobStore(new FileSystemBlobStore(blobs)).build();
        return new JpaKit(ds, emf, kit, blobs);
    }

    WorkspaceKit kit() {
        return kit;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    Statistics statistics() {
        return emf.unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    public void close() {
        emf.close();
        dataSource.close();
        try {
            RunAll.deleteRecursively(blobs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
