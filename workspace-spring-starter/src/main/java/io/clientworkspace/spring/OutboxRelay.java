package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Calls {@link WorkspaceKit#relayUndeliveredEvents()} every {@code client-workspace.events.relay-interval}
 * on one daemon thread, so that events of a node that died between commit and delivery still reach
 * the listeners.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final WorkspaceKit kit;
    private final Duration interval;
    private final boolean enabled;
    private final PeriodicTasks tasks = new PeriodicTasks("workspace-outbox-relay");

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
        if (!enabled || tasks.isRunning()) {
            return;
        }
        tasks.schedule(interval, interval, this::relayOnce);
    }

    void relayOnce() {
        PeriodicTasks.runOnce(log, kit::relayUndeliveredEvents,
                "Relayed {} domain event(s) that were committed but not delivered",
                "Relaying undelivered domain events failed");
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
