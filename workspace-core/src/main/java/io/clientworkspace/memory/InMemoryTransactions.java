package io.clientworkspace.memory;

import io.clientworkspace.spi.UnitOfWork;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The unit of work of the in-memory stores: one read-write lock shared by all of them, and an undo
 * journal. A unit of work holds the write lock from start to end, so units of work are serializable;
 * every store write inside it registers how to undo itself, and a unit of work that throws undoes its
 * writes in reverse order before rethrowing. A nested unit of work that throws undoes only its own
 * writes (like a savepoint). {@linkplain #resource Resources} live until the outermost unit of work ends;
 * a nested failure keeps them (they only ever make the kit more careful).
 */
public final class InMemoryTransactions implements UnitOfWork {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private static final Logger log = LoggerFactory.getLogger(InMemoryTransactions.class);

    // Guarded by the write lock: only its holder reads or writes the journal and the commit actions.
    private @Nullable Deque<Runnable> undo;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();

    @Override
    public <T> T execute(Supplier<T> work) {
        T result;
        List<Runnable> committedActions;
        lock.writeLock().lock();
        try {
            Deque<Runnable> journal = undo;
            boolean outermost = journal == null;
            if (journal == null) {
                journal = new ArrayDeque<>();
                undo = journal;
            }
            int mark = journal.size();
            int actionsMark = afterCommit.size();
            try {
                result = work.get();
            } catch (Throwable failure) {
                while (journal.size() > mark) {
                    journal.pop().run();
                }
                afterCommit.subList(actionsMark, afterCommit.size()).clear();
                if (outermost) {
                    undo = null;
                    resources.clear();
                }
                throw failure;
            }
            if (!outermost) {
                return result;
            }
            undo = null;
            resources.clear();
            committedActions = List.copyOf(afterCommit);
            afterCommit.clear();
        } finally {
            lock.writeLock().unlock();
        }
        // Committed: run the actions outside the lock, so that they may read and write freely.
        committedActions.forEach(InMemoryTransactions::runQuietly);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        lock.writeLock().lock();
        try {
            if (undo != null) {
                afterCommit.add(action);
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        runQuietly(action);
    }

    /** True on the thread running {@link #execute}, including while nested units of work run. */
    @Override
    public boolean isActive() {
        // Only the write lock's holder may read the journal; any other thread is not in a unit of work.
        return lock.isWriteLockedByCurrentThread() && undo != null;
    }

    @Override
    public <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        requireNonNull(key, "key must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(create, "create must not be null");
        if (!isActive()) {
            return Optional.empty();
        }
        return Optional.of(type.cast(resources.computeIfAbsent(key,
                k -> requireNonNull(create.get(), "create must not supply null"))));
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("An after-commit action failed; the unit of work itself has committed", e);
        }
    }

    /** Runs a read under the read lock (or inside the current unit of work on this thread). */
    <T> T read(Supplier<T> read) {
        if (lock.isWriteLockedByCurrentThread()) {
            return read.get();
        }
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs a write under the write lock. {@code write} returns how to undo what it did; the undo is
     * journaled when a unit of work is running and dropped otherwise.
     */
    // A write without a result is an Undoable<Void> whose result is null, and its callers ignore what this
    // returns; NullAway (without JSpecify's generics) cannot tell T = @Nullable Void from a non-null T.
    @SuppressWarnings("NullAway")
    <T> T write(Supplier<Undoable<T>> write) {
        lock.writeLock().lock();
        try {
            Undoable<T> done = write.get();
            if (undo != null) {
                undo.push(done.undo());
            }
            return done.result();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A write's result and how to undo it. */
    record Undoable<T>(@Nullable T result, Runnable undo) {
    }
}
