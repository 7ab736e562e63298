package io.clientworkspace.file;

import io.clientworkspace.FileId;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The stored bytes of file versions: the kit's {@link BlobStore} and the deletions that must never remove
 * a blob a version still references. Immutable; built once by {@link FileFeature}.
 */
final class FileBlobs {

    // The log category stays the one these messages always had.
    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final BlobStore blobs;
    private final FileStore fileStore;

    FileBlobs(BlobStore blobs, FileStore fileStore) {
        this.blobs = requireNonNull(blobs, "blobs must not be null");
        this.fileStore = requireNonNull(fileStore, "fileStore must not be null");
    }

    /** The blob store the bytes live in. */
    BlobStore store() {
        return blobs;
    }

    /** Opens a stored version's bytes; the stream verifies {@code sha256} as it is read. */
    InputStream open(String key, String sha256) throws IOException {
        return blobs.open(key, sha256);
    }

    /** Deletes the blob of a failed upload; a failure to delete is added to {@code failure} and logged. */
    void deleteQuietly(String key, Throwable failure) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            log.warn("Could not delete blob {} of a failed upload; the orphan sweep will remove it", key, e);
        }
    }

    /** After a purge committed: deletes those of {@code keys} that no version references any more. */
    void deletePurged(FileId fileId, List<String> keys) {
        // Another file never shares a blob today; checking costs one query and keeps a future sharer safe.
        Set<String> stillUsed = fileStore.referencedBlobKeys(keys);
        for (String key : keys) {
            if (stillUsed.contains(key)) {
                continue;
            }
            try {
                blobs.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete blob {} of purged file {}; the orphan sweep will remove it", key, fileId, e);
            }
        }
    }

    /**
     * Deletes abandoned partial writes and the blobs older than {@code before} that no version references.
     *
     * @return how many blobs and partial writes were removed
     */
    int deleteOrphansBefore(Instant before) {
        try {
            int removed = blobs.deleteAbandonedWrites(before);
            List<String> candidates = blobs.keysOlderThan(before, 10_000);
            Set<String> used = fileStore.referencedBlobKeys(candidates);
            for (String key : candidates) {
                if (!used.contains(key)) {
                    blobs.delete(key);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("The orphan sweep could not read the blob store", e);
        }
    }
}
