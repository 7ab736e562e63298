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
 * Calls {@link io.clientworkspace.checkpoint.CheckpointService#signChangedWorkspaces()} every
 * {@code workspace.checkpoints.interval} on one daemon thread, the first time after at most five minutes
 * (so that frequently restarted applications still sign). Runs only when the kit has a signing key.
 *
 * <p>Every node that runs it signs: harmless (a head already checkpointed is skipped, and a sink keeps
 * a checkpoint published twice once), but wasteful on many nodes; a cluster-wide lock (ShedLock or a
 * PostgreSQL advisory lock) around the run is the way to sign on one node only.
 */
public final class CheckpointScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointScheduler.class);
    private static final Duration FIRST_RUN_AT_THE_LATEST = Duration.ofMinutes(5);

    private final WorkspaceKit kit;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /** @param interval how often to sign; zero or negative: never */
    public CheckpointScheduler(WorkspaceKit kit, Duration interval) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.interval = requireNonNull(interval, "interval must not be null");
    }

    /** Whether this scheduler signs: a signing key is configured and the interval is positive. */
    public boolean isEnabled() {
        return kit.checkpoints().canSign() && !interval.isZero() && !interval.isNegative();
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        if (!isEnabled()) {
            if (!kit.checkpoints().canSign()) {
                log.info("Activity checkpoints are not signed: no key is configured. Set"
                        + " workspace.checkpoints.private-key to an Ed25519 PKCS#8 file (openssl genpkey -algorithm"
                        + " ed25519 -out checkpoint-key.pem) so that a rewritten or truncated history is detected");
            }
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workspace-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        long first = Math.min(millis, FIRST_RUN_AT_THE_LATEST.toMillis());
        executor.scheduleWithFixedDelay(this::signOnce, first, millis, TimeUnit.MILLISECONDS);
        log.info("Signing activity checkpoints every {} with key {}", interval,
                kit.checkpoints().keys().flatMap(k -> k.signingKeyId()).orElse("?"));
    }

    /** One signing run; failures are logged and retried at the next run. */
    void signOnce() {
        try {
            int signed = kit.checkpoints().signChangedWorkspaces();
            if (signed > 0) {
                log.info("Signed {} activity checkpoint(s)", signed);
            }
        } catch (RuntimeException e) {
            log.warn("Signing activity checkpoints failed; will retry", e);
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
}
