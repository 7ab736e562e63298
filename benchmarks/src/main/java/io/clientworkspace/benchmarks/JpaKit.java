package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.member.Authorizer;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A kit on the JPA stores over one benchmark database, as a host without Spring builds it. */
final class JpaKit implements AutoCloseable {

    /**
     * The default cache size with a 30-minute expiry, for benchmarks of the warm (cache-hit) path: with the
     * default 30 seconds, answers loaded while a large benchmark is being set up would expire mid-run.
     */
    static final Authorizer.CacheSettings WARM = new Authorizer.CacheSettings(100_000, Duration.ofMinutes(30));

    /**
     * A smoke run (everything in one JVM, for moments) shares one pool and one entity manager factory per
     * database between all the kits it opens, each kit still new with its own caches: booting Hibernate for
     * every benchmark trial would otherwise be most of the smoke test's time. Never set in a measured run.
     */
    private static volatile boolean sharing;
    private static final Map<String, Shared> SHARED = new ConcurrentHashMap<>();

    private record Shared(HikariDataSource dataSource, EntityManagerFactory emf) {
    }

    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final boolean shared;
    private final WorkspaceKit kit;
    private final Stores stores;
    private final Path blobs;

    private JpaKit(HikariDataSource dataSource, EntityManagerFactory emf, boolean shared, WorkspaceKit kit, Stores stores,
                   Path blobs) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.shared = shared;
        this.kit = kit;
        this.stores = stores;
        this.blobs = blobs;
    }

    /** Turns sharing (see {@link #sharing}) on, or off, closing whatever was shared. */
    static synchronized void share(boolean on) {
        sharing = on;
        if (!on) {
            for (Shared s : SHARED.values()) {
                s.emf().close();
                s.dataSource().close();
            }
            SHARED.clear();
        }
    }

    static JpaKit open(String database, Authorizer.CacheSettings cache, int poolSize, boolean statistics) {
        HikariDataSource ds;
        EntityManagerFactory emf;
        boolean shared = sharing;
        if (shared) {
            Shared s = SHARED.computeIfAbsent(database + "/" + statistics, key -> {
                HikariDataSource pool = BenchDatabase.pool(database, 20);
                return new Shared(pool, BenchDatabase.emf(pool, statistics));
            });
            ds = s.dataSource();
            emf = s.emf();
        } else {
            ds = BenchDatabase.pool(database, poolSize);
            emf = BenchDatabase.emf(ds, statistics);
        }
        Path blobs;
        try {
            // These benchmarks store no files; the kit still wants a blob store, so give it an explicit one.
            Path parent = Verification.work().resolve("blobs");
            Files.createDirectories(parent);
            blobs = Files.createTempDirectory(parent, "kit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stores stores = JpaStores.create(emf);
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores).authorizationCache(cache)
                .blobStore(new FileSystemBlobStore(blobs)).build();
        return new JpaKit(ds, emf, shared, kit, stores, blobs);
    }

    WorkspaceKit kit() {
        return kit;
    }

    /** The stores the kit was built on (the benchmarks compare the kit's way with the stores' own). */
    Stores stores() {
        return stores;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    Statistics statistics() {
        return emf.unwrap(SessionFactory.class).getStatistics();
    }

    @Override
    public void close() {
        if (!shared) {
            emf.close();
            dataSource.close();
        }
        try {
            RunAll.deleteRecursively(blobs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
