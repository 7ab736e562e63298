package io.clientworkspace.file;

import io.clientworkspace.internal.Kernel;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The maintenance sweeps of the file feature, for the host to run from a scheduler (no actor). Immutable
 * after construction; built by the kit ({@code kit.fileMaintenance()}).
 */
public final class FileMaintenance {

    private final Kernel kernel;
    private final FileBlobs blobs;

    FileMaintenance(Kernel kernel, FileBlobs blobs) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.blobs = requireNonNull(blobs, "blobs must not be null");
    }

    /**
     * Deletes blobs older than {@code olderThan} that no file version references (left by a crash between
     * storing bytes and committing metadata), and abandoned partial writes. Run it from a scheduler with an
     * age well above the longest upload.
     *
     * @return how many blobs and partial writes were removed
     */
    public int sweepOrphanBlobs(Duration olderThan) {
        requireNonNull(olderThan, "olderThan must not be null");
        return blobs.deleteOrphansBefore(kernel.clock().instant().minus(olderThan));
    }
}
