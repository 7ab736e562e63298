package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Calls {@link io.clientworkspace.project.ProjectService#sweepOverdue} every
 * {@code client-workspace.projects.overdue-sweep-interval} (default 15 minutes) on one daemon thread, with at most
 * {@code client-workspace.projects.overdue-sweep-batch} tasks and as many milestones per run: tasks not done and
 * milestones not delivered whose due date is before today (the UTC date of the kit's clock) raise
 * {@code TaskOverdue} / {@code MilestoneOverdue} once per due date, which the host's listeners turn into
 * notifications. Safe on every node at once (the kit marks each item with a conditional update and only the node
 * that marked it publishes). A zero or negative interval switches it off, and so does a store set without the
 * projects feature's stores; then no thread is started.
 */
public final class OverdueSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    /** The largest batch {@code sweepOverdue} accepts. */
    static final int MAX_BATCH = 10_000;

    private final WorkspaceKit kit;
    private final Clock clock;
    private final Duration interval;
    private final int batch;
    private final PeriodicTasks tasks = new PeriodicTasks("workspace-overdue-sweep");

    /**
     * @param clock    the kit's clock: "today" is its UTC date
     * @param interval how often to sweep; zero or negative: never
     * @param batch    most tasks (and most milestones) per run, 1 to 10,000
     * @throws IllegalArgumentException if {@code batch} is out of bounds
     */
    public OverdueSweep(WorkspaceKit kit, Clock clock, Duration interval, int batch) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.clock = requireNonNull(clock, "clock must not be null");
        this.interval = requireNonNull(interval, "interval must not be null");
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("client-workspace.projects.overdue-sweep-batch must be 1 to "
                    + MAX_BATCH + ", was " + batch);
        }
        this.batch = batch;
    }

    @Override
    public synchronized void start() {
        if (tasks.isRunning() || !PeriodicTasks.positive(interval) || !available()) {
            return;
        }
        tasks.schedule(interval, interval, this::sweepOnce);
    }

    /** One sweep; failures are logged and retried at the next run. */
    void sweepOnce() {
        PeriodicTasks.runOnce(log, () -> kit.projects().sweepOverdue(clock.instant(), batch),
                "Raised {} overdue task and milestone event(s)", "The overdue sweep failed");
    }

    /** A store set without the projects feature's stores could only fail at every run. */
    private boolean available() {
        return kit.features().stream().anyMatch(f -> f.name().equals("projects") && f.available());
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
