package io.clientworkspace.spring;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Periodic tasks on one daemon thread, started with the first task and stopped with {@link #stop}: what the
 * kit's schedulers (maintenance, outbox relay, checkpoint signing) share.
 */
final class PeriodicTasks {

    private final String threadName;
    private @Nullable ScheduledExecutorService executor;

    PeriodicTasks(String threadName) {
        this.threadName = requireNonNull(threadName, "threadName must not be null");
    }

    /** Runs {@code task} every {@code interval} (with fixed delay), the first time after {@code firstDelay}. */
    synchronized void schedule(Duration firstDelay, Duration interval, Runnable task) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        executor.scheduleWithFixedDelay(task, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * One run of a task that counts what it did: logs {@code done} (an SLF4J pattern for the count) when the
     * count is positive, and {@code failed} with the exception when it throws; the next run retries.
     */
    static void runOnce(Logger log, IntSupplier task, String done, String failed) {
        try {
            int count = task.getAsInt();
            if (count > 0) {
                log.info(done, count);
            }
        } catch (RuntimeException e) {
            log.warn(failed + "; will retry", e);
        }
    }

    /** Whether an interval switches its task on. */
    static boolean positive(Duration interval) {
        return !interval.isZero() && !interval.isNegative();
    }
}
