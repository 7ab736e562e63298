package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The kit's periodic housekeeping on one daemon thread: the orphan blob sweep
 * ({@link io.clientworkspace.file.FileMaintenance#sweepOrphanBlobs}) every
 * {@code client-workspace.files.orphan-sweep-interval}, and the approval expiry
 * ({@link io.clientworkspace.approval.ApprovalService#expireOverdue}) every
 * {@code client-workspace.approvals.expiry-interval}. A zero or negative interval switches that task off, and so
 * does a store set without the feature's stores;
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
    private final PeriodicTasks tasks = new PeriodicTasks("workspace-maintenance");

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
            throw new IllegalArgumentException("client-workspace.files.orphan-min-age must not be negative");
        }
    }

    @Override
    public synchronized void start() {
        if (tasks.isRunning()) {
            return;
        }
        if (PeriodicTasks.positive(sweepInterval) && available("files")) {
            tasks.schedule(sweepInterval, sweepInterval, this::sweepOnce);
        }
        if (PeriodicTasks.positive(expiryInterval) && available("approvals")) {
            tasks.schedule(expiryInterval, expiryInterval, this::expireOnce);
        }
    }

    /** One orphan sweep; failures are logged and retried at the next run. */
    void sweepOnce() {
        PeriodicTasks.runOnce(log, () -> kit.fileMaintenance().sweepOrphanBlobs(orphanMinAge),
                "Removed {} orphaned blob(s) or partial write(s) from " + kit.blobStore(),
                "The orphan blob sweep failed");
    }

    /** One expiry run; failures are logged and retried at the next run. */
    void expireOnce() {
        PeriodicTasks.runOnce(log, () -> kit.approvals().expireOverdue(EXPIRY_BATCH),
                "Expired {} overdue approval request(s)", "Expiring overdue approval requests failed");
    }

    /** A task of a feature the store set cannot serve is not scheduled: it could only fail at every run. */
    private boolean available(String feature) {
        return kit.features().stream().anyMatch(f -> f.name().equals(feature) && f.available());
    }

    @Override
    public void stop() {
        tasks.stop();
    }

    @Override
    public boolean isRunning() {
        return tasks.isRunning();
    }
}
