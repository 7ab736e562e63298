package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Calls {@link io.clientworkspace.checkpoint.CheckpointService#signChangedWorkspaces()} every
 * {@code client-workspace.checkpoints.interval} on one daemon thread, the first time after at most five minutes
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
    private final PeriodicTasks tasks = new PeriodicTasks("workspace-checkpoints");

    /** @param interval how often to sign; zero or negative: never */
    public CheckpointScheduler(WorkspaceKit kit, Duration interval) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.interval = requireNonNull(interval, "interval must not be null");
    }

    /** Whether this scheduler signs: a signing key is configured and the interval is positive. */
    public boolean isEnabled() {
        return kit.checkpoints().canSign() && PeriodicTasks.positive(interval);
    }

    @Override
    public synchronized void start() {
        if (tasks.isRunning()) {
            return;
        }
        if (!isEnabled()) {
            if (!kit.checkpoints().canSign()) {
                log.info("Activity checkpoints are not signed: no key is configured. Set"
                        + " client-workspace.checkpoints.private-key to an Ed25519 PKCS#8 file (openssl genpkey -algorithm"
                        + " ed25519 -out checkpoint-key.pem) so that a rewritten or truncated history is detected");
            }
            return;
        }
        Duration first = interval.compareTo(FIRST_RUN_AT_THE_LATEST) < 0 ? interval : FIRST_RUN_AT_THE_LATEST;
        tasks.schedule(first, interval, this::signOnce);
        log.info("Signing activity checkpoints every {} with key {}", interval,
                kit.checkpoints().keys().flatMap(k -> k.signingKeyId()).orElse("?"));
    }

    /** One signing run; failures are logged and retried at the next run. */
    void signOnce() {
        PeriodicTasks.runOnce(log, () -> kit.checkpoints().signChangedWorkspaces(),
                "Signed {} activity checkpoint(s)", "Signing activity checkpoints failed");
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
