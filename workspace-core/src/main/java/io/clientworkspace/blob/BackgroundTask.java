package io.clientworkspace.blob;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work that a blob transfer hands to the store's {@link Executor}, which belongs to the host and may run it at
 * once, late, never, or (a direct or caller-runs executor) synchronously on the very thread that handed it over.
 * The task and its owner race for it: either the task starts, or the owner {@linkplain #cancel() cancels} it and
 * does without. Either way the task never runs after its owner called {@link #cancelOrJoin()}, so no background
 * work outlives the transfer that started it.
 */
abstract class BackgroundTask implements Runnable {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int CANCELLED = 3;

    private final Thread owner = Thread.currentThread();
    private final AtomicInteger state = new AtomicInteger(NEW);
    private final CountDownLatch done = new CountDownLatch(1);
    /** The store-wide permit this task holds from {@link #start} until it is done or cancelled. */
    private volatile @Nullable Semaphore permits;

    @Override
    public final void run() {
        // Run synchronously on the owner's thread, the work would wait for its owner, which waits for the work.
        if (Thread.currentThread() == owner || !state.compareAndSet(NEW, RUNNING)) {
            cancel();
            return;
        }
        try {
            work();
        } finally {
            state.set(DONE);
            release();
            done.countDown();
        }
    }

    private void release() {
        Semaphore held = permits;
        if (held != null) {
            held.release();
        }
    }

    /** The background work; reports its failures itself, so that they reach the owner, not the executor. */
    abstract void work();

    /**
     * Hands the task to {@code executor} if one of the store's {@code permits} is free; the task holds it until it
     * is done or cancelled, so that a store never runs more background tasks at once than it has permits.
     *
     * @return false if it will never run: no permit was free, the executor refused it (or failed), or ran it on
     *         this thread
     */
    final boolean start(Executor executor, Semaphore permits) {
        if (!permits.tryAcquire()) {
            state.set(CANCELLED);
            return false;
        }
        this.permits = permits;
        try {
            executor.execute(this);
        } catch (RuntimeException e) {
            // RejectedExecutionException above all; whatever the executor throws, the transfer goes on without it.
            cancel();
        }
        return state.get() != CANCELLED;
    }

    /** Whether the executor has not started the task yet (and it was not cancelled). */
    final boolean waiting() {
        return state.get() == NEW;
    }

    /** Whether the task was cancelled before it started: it never ran and never will. */
    final boolean cancelled() {
        return state.get() == CANCELLED;
    }

    /** Cancels the task if it has not started: it will then never run. */
    final boolean cancel() {
        if (state.compareAndSet(NEW, CANCELLED)) {
            release();
            return true;
        }
        return false;
    }

    /**
     * Makes sure the task is not running and never will: cancels it if it has not started, or waits until it has
     * finished. The wait ignores interrupts (a task never stays long once told to stop) and keeps the interrupt
     * status for the caller.
     */
    final void cancelOrJoin() {
        if (cancel() || state.get() == CANCELLED) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The default executor: a new daemon thread per task, named {@code cwk-blob-<n>}; no pool stays behind. */
    static Executor daemonThreadPerTask() {
        return DaemonThreads.INSTANCE;
    }

    private static final class DaemonThreads implements Executor {
        static final DaemonThreads INSTANCE = new DaemonThreads();
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            // No inherited thread-locals: the thread works for the transfer, not for whatever request started it.
            Thread thread = new Thread(null, task, "cwk-blob-" + COUNT.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            try {
                thread.start();
            } catch (OutOfMemoryError e) {
                // "unable to create native thread": the transfer still works on the caller's thread alone.
                throw new RejectedExecutionException("Could not start a thread for a blob transfer", e);
            }
        }

        @Override
        public String toString() {
            return "a daemon thread per large transfer (cwk-blob-*)";
        }
    }
}
