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
 * Calls {@link WorkspaceKit#relayUndeliveredEvents()} every {@code workspace.events.relay-interval}
 * on one daemon thread, so that events of a node that died between commit and delivery still reach
 * the listeners.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final WorkspaceKit kit;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    /**
     * @param enabled false when there is nothing to relay (no outbox) or the interval is not positive;
     *                the relay then never starts a thread
     */
    public OutboxRelay(WorkspaceKit kit, Duration interval, boolean enabled) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.interval = requireNonNull(interval, "interval must not be null");
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workspace-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::relayOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    void relayOnce() {
        try {
            int relayed = kit.relayUndeliveredEvents();
            if (relayed > 0) {
                log.info("Relayed {} domain event(s) that were committed but not delivered", relayed);
            }
        } catch (RuntimeException e) {
            log.warn("Relaying undelivered domain events failed; will retry", e);
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
