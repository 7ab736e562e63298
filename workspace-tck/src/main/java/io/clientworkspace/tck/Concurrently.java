package io.clientworkspace.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import static java.util.Objects.requireNonNull;

/**
 * Runs one task on several threads that all start together (a {@link CountDownLatch} start gate), and
 * collects what each returned or threw. No timing is asserted: the only timeout guards against a hung
 * implementation.
 */
public final class Concurrently {

    /** How many threads the concurrency tests use. */
    public static final int THREADS = 8;

    private static final long HANG_GUARD_SECONDS = 120;

    private Concurrently() {
    }

    /**
     * Runs {@code task.apply(i)} for {@code i} in {@code 0 .. threads-1}, each on its own thread, all
     * released at once.
     */
    public static <T> Outcomes<T> run(int threads, IntFunction<T> task) {
        requireNonNull(task, "task must not be null");
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(index);
                }));
            }
            if (!ready.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the threads did not start");
            }
            start.countDown();
            List<T> successes = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    successes.add(future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a thread hung: the implementation may deadlock", e);
                }
            }
            return new Outcomes<>(successes, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Runs {@code task} on {@link #THREADS} threads. */
    public static <T> Outcomes<T> run(IntFunction<T> task) {
        return run(THREADS, task);
    }

    /**
     * What the threads did.
     *
     * @param successes what the tasks that returned returned (a task returning {@code null} is not allowed)
     * @param failures  what the other tasks threw
     */
    public record Outcomes<T>(List<T> successes, List<Throwable> failures) {

        public Outcomes {
            successes = List.copyOf(successes);
            failures = List.copyOf(failures);
        }
    }
}
