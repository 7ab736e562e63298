package io.clientworkspace.spring;

import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.spi.BlobStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Actuator health of the kit's {@link BlobStore}. For a {@link FileSystemBlobStore}: UP when its root
 * is a directory the application can write to (proved by creating and deleting a probe file, which a
 * read-only mount refuses even where permission bits allow it) with at least the configured usable
 * space; DOWN otherwise, naming the reason. Other stores are UP when they answer a lookup.
 */
public final class BlobStoreHealthIndicator implements HealthIndicator {

    /** A key no store ever generates (all zeros), for the lookup that proves a store answers. */
    private static final String PROBE_KEY = "0".repeat(32);

    private final BlobStore store;
    private final DataSize minFreeSpace;

    public BlobStoreHealthIndicator(BlobStore store, DataSize minFreeSpace) {
        this.store = requireNonNull(store, "store must not be null");
        this.minFreeSpace = requireNonNull(minFreeSpace, "minFreeSpace must not be null");
    }

    @Override
    public Health health() {
        if (store instanceof FileSystemBlobStore fs) {
            return fileSystem(fs.root());
        }
        try {
            store.exists(PROBE_KEY);
            return Health.up().withDetail("store", store.getClass().getSimpleName()).build();
        } catch (IOException | RuntimeException e) {
            return Health.down(e).withDetail("store", store.getClass().getSimpleName()).build();
        }
    }

    private Health fileSystem(Path root) {
        Health.Builder health = Health.up().withDetail("store", "FileSystemBlobStore").withDetail("root", root.toString());
        if (!Files.isDirectory(root)) {
            return health.down().withDetail("error", "the root is not a directory (any more)").build();
        }
        try {
            Path probe = Files.createTempFile(root, ".health-", ".probe");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            return health.down().withDetail("error", "the root is not writable: " + e).build();
        }
        try {
            var fileStore = Files.getFileStore(root);
            long usable = fileStore.getUsableSpace();
            health.withDetail("free", usable).withDetail("total", fileStore.getTotalSpace())
                    .withDetail("threshold", minFreeSpace.toBytes());
            if (usable < minFreeSpace.toBytes()) {
                return health.down().withDetail("error", "less usable space than client-workspace.files.min-free-space ("
                        + minFreeSpace + ")").build();
            }
            return health.build();
        } catch (IOException e) {
            return health.down().withDetail("error", "cannot read the free space: " + e).build();
        }
    }
}
