package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Calls {@link io.clientworkspace.notification.NotificationService#deliverDue} every
 * {@code client-workspace.notifications.delivery-interval} (default 1 minute) on one daemon thread, with at most
 * {@code client-workspace.notifications.delivery-batch} notifications per run: the notifications and daily digests
 * that are due go to the kit's {@link io.clientworkspace.spi.NotificationSender} (the host's bean of that type when
 * it declares one, else the kit's logging sender). Safe on every node at once (the kit claims each notification with
 * a lease before sending it, so no two nodes send the same one); a failing sender is retried at a later run. A zero
 * or negative interval switches it off, and so does a store set without the notifications feature's stores; then no
 * thread is started.
 */
public final class NotificationDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    /** The largest batch a run hands to the kit. */
    static final int MAX_BATCH = 10_000;

    private final WorkspaceKit kit;
    private final Duration interval;
    private final int batch;
    private final PeriodicTasks tasks = new PeriodicTasks("workspace-notification-delivery");

    /**
     * @param interval how often to deliver; zero or negative: never
     * @param batch    most notifications per run, 1 to 10,000
     * @throws IllegalArgumentException if {@code batch} is out of bounds
     */
    public NotificationDelivery(WorkspaceKit kit, Duration interval, int batch) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.interval = requireNonNull(interval, "interval must not be null");
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("client-workspace.notifications.delivery-batch must be 1 to "
                    + MAX_BATCH + ", was " + batch);
        }
        this.batch = batch;
    }

    @Override
    public synchronized void start() {
        if (tasks.isRunning() || !PeriodicTasks.positive(interval) || !available()) {
            return;
        }
        tasks.schedule(interval, interval, this::deliverOnce);
    }

    /** One run; failures are logged and retried at the next run. */
    void deliverOnce() {
        PeriodicTasks.runOnce(log, () -> kit.notifications().deliverDue(batch).sent(),
                "Sent {} notification(s)", "The notification delivery failed");
    }

    /** A store set without the notifications feature's stores could only fail at every run. */
    private boolean available() {
        return kit.features().stream().anyMatch(f -> f.name().equals("notifications") && f.available());
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
