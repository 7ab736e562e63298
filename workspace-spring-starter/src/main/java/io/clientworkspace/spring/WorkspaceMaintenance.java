package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The kit's periodic housekeeping on one daemon thread: the orphan blob sweep
 * ({@link io.clientworkspace.file.FileService#sweepOrphanBlobs}) every
 * {@code workspace.files.orphan-sweep-interval}, and the approval expiry
 * ({@link io.clientworkspace.approval.ApprovalService#expireOverdue}) every
 * {@code workspace.approvals.expiry-interval}. A zero or negative interval switches that task off;
 * with both off no thread is started. Both tasks are safe to run on every node at once: the sweep only
 * deletes blobs no version references, and each expiry locks its request.
 */
public final class WorkspaceMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceMaintenance.class);

    /** Most approval requests expired per run; the next run takes the rest. */
    static final int EXPIRY_BATCH = 500;

    private final WorkspaceKit kit;
    private final Duration sweepInterval;
    private final Duration orphanMinAge;
    private final Duration expiryInterval;
    private ScheduledExecutorService executor;

    /**
     * @param sweepInterval  how often to sweep orphan blobs; zero or negative: never
     * @param orphanMinAge   how old an unreferenced blob must be to be deleted
     * @param expiryInterval how often to expire overdue approval requests; zero or negative: never
     */
    public WorkspaceMaintenance(WorkspaceKit kit, Duration sweepInterval, Duration orphanMinAge, Duration expiryInterval) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.sweepInterval = requireNonNull(sweepInterval, "sweepInterval must not be null");
        this.orphanMinAge = requireNonNull(orphanMinAge, "orphanMinAge must not be null");
        this.expiryInterval = requireNonNull(expiryInterval, "expiryInterval must not be null");
        if (orphanMinAge.isNegative()) {
            throw new IllegalArgumentException("workspace.files.orphan-min-age must not be negative");
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null || (!positive(sweepInterval) && !positive(expiryInterval))) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workspace-maintenance");
            t.setDaemon(true);
            return t;
        });
        if (positive(sweepInterval)) {
            long millis = sweepInterval.toMillis();
            executor.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
        }
        if (positive(expiryInterval)) {
            long millis = expiryInterval.toMillis();
            executor.scheduleWithFixedDelay(this::expireOnce, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** One orphan sweep; failures are logged and retried at the next run. */
    void sweepOnce() {
        try {
            int removed = kit.files().sweepOrphanBlobs(orphanMinAge);
            if (removed > 0) {
                log.info("Removed {} orphaned blob(s) or partial write(s) from {}", removed, kit.blobStore());
            }
        } catch (RuntimeException e) {
            log.warn("The orphan blob sweep failed; will retry", e);
        }
    }

    /** One expiry run; failures are logged and retried at the next run. */
    void expireOnce() {
        try {
            int expired = kit.approvals().expireOverdue(EXPIRY_BATCH);
            if (expired > 0) {
                log.info("Expired {} overdue approval request(s)", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring overdue approval requests failed; will retry", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }
}
