package io.clientworkspace.memory;

import io.clientworkspace.spi.UnitOfWork;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
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
 *
 * <p>A unit of work can also span more than one {@code execute} call: {@link #begin()} opens one that the
 * caller ends with {@link Outer#commit()} or {@link Outer#rollback()} on the same thread, for example
 * when the host's transaction ends (the Spring Boot starter's {@code SpringInMemoryTransactions} does
 * this). While it is open, every {@code execute} on that thread nests in it (savepoint semantics stay),
 * {@link #isActive()} is {@code true}, after-commit actions wait for its commit, and it holds the write
 * lock: every other thread's reads and writes of these stores wait until it ends. That makes the
 * transactions serializable, which is the honest choice for a store meant for development and tests,
 * but it also means that a thread holding it must never wait for another thread that uses these stores.
 *
 * <p><b>No endless wait.</b> A thread waits for the lock at most the {@linkplain #InMemoryTransactions(Duration)
 * lock timeout} (30 seconds by default), and only while another thread holds it; then its read or write is
 * refused with an {@link IllegalStateException} that names the thread holding the stores, and changes
 * nothing. An interrupt while waiting is refused the same way, with the thread's interrupt flag kept set.
 * So a test that writes through the kit inside its own transaction and then waits for a thread that uses
 * the kit (its own server, an {@code @Async} call) fails with that explanation instead of hanging.
 */
public final class InMemoryTransactions implements UnitOfWork {

    /** How long a thread waits for the stores by default before its call is refused. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final OwnedLock lock = new OwnedLock();
    private final Duration lockTimeout;
    private static final Logger log = LoggerFactory.getLogger(InMemoryTransactions.class);

    // Guarded by the write lock: only its holder reads or writes the journal and the commit actions.
    private @Nullable Deque<Runnable> undo;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();

    /** Units of work whose threads wait for the stores at most {@link #DEFAULT_LOCK_TIMEOUT}. */
    public InMemoryTransactions() {
        this(DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * Units of work whose threads wait for the stores at most {@code lockTimeout} while another thread holds
     * them (see the class comment).
     *
     * @param lockTimeout how long a read or write waits before it is refused; positive
     * @throws IllegalArgumentException if {@code lockTimeout} is zero or negative
     */
    public InMemoryTransactions(Duration lockTimeout) {
        requireNonNull(lockTimeout, "lockTimeout must not be null");
        if (lockTimeout.isZero() || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must be positive, not " + lockTimeout);
        }
        this.lockTimeout = lockTimeout;
    }

    /**
     * @throws IllegalStateException if another thread holds the stores longer than the lock timeout, or this
     *                               thread is interrupted while it waits for them; nothing is changed then
     */
    @Override
    public <T> T execute(Supplier<T> work) {
        T result;
        List<Runnable> committedActions;
        acquire(lock.writeLock());
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
                try {
                    undoSince(journal, mark, failure);
                } finally {
                    endRolledBack(actionsMark, outermost);
                }
                throw failure;
            }
            if (!outermost) {
                return result;
            }
            committedActions = endCommitted();
        } finally {
            lock.writeLock().unlock();
        }
        // Committed: run the actions outside the lock, so that they may read and write freely.
        committedActions.forEach(InMemoryTransactions::runQuietly);
        return result;
    }

    /**
     * Opens a unit of work that is not one {@link #execute} call and returns its handle; the caller must
     * end it with {@link Outer#commit()} or {@link Outer#rollback()}, on this thread. Until then the
     * calling thread holds the write lock (other threads wait, see the class comment), every
     * {@code execute} on it nests in this unit of work, {@link #isActive()} is {@code true} and
     * {@linkplain #resource resources} are kept.
     *
     * <p>Begun while another unit of work runs on this thread (inside {@code execute}, or inside another
     * handle), it nests like a savepoint: its rollback undoes only the writes made since it began; its
     * commit hands its writes and after-commit actions to the enclosing unit of work, which may still undo
     * them. Nested handles must be ended before the one they nest in, and a handle begun inside an
     * {@code execute} call before that call returns.
     *
     * @return the handle of the new unit of work, which only this thread may end
     * @throws IllegalStateException if another thread holds the stores longer than the lock timeout, or this
     *                               thread is interrupted while it waits for them
     */
    public Outer begin() {
        acquire(lock.writeLock());
        boolean outermost = undo == null;
        if (outermost) {
            undo = new ArrayDeque<>();
        }
        return new Outer(Thread.currentThread(), outermost, requireNonNull(undo).size(), afterCommit.size(),
                lock.getWriteHoldCount());
    }

    @Override
    public void afterCommit(Runnable action) {
        // Only the write lock's holder can be in a unit of work; any other thread runs the action at once.
        if (isActive()) {
            afterCommit.add(action);
            return;
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

    /**
     * Undoes the journal's entries above {@code mark}, newest first. Every entry is undone even when one
     * throws: the failures are added to {@code failure} when there is one, else the first is thrown with
     * the others added to it.
     */
    private static void undoSince(Deque<Runnable> journal, int mark, @Nullable Throwable failure) {
        RuntimeException undoFailure = null;
        while (journal.size() > mark) {
            try {
                journal.pop().run();
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (undoFailure == null) {
                    undoFailure = e;
                } else {
                    undoFailure.addSuppressed(e);
                }
            }
        }
        if (undoFailure != null) {
            throw undoFailure;
        }
    }

    /**
     * Takes {@code wanted} (this lock's read or write lock) at once when this thread already holds the stores
     * or nobody does, else waits at most the lock timeout, interruptibly.
     */
    private void acquire(Lock wanted) {
        if (lock.isWriteLockedByCurrentThread()) {
            // Reentrant (or a read inside this thread's unit of work): never waits.
            wanted.lock();
            return;
        }
        if (wanted.tryLock()) {
            return;
        }
        boolean acquired;
        try {
            acquired = wanted.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while thread '" + Thread.currentThread().getName()
                    + "' waited for the in-memory stores of the Client Workspace Kit, which " + holder() + " holds."
                    + WHY + " Nothing was changed.", e);
        }
        if (!acquired) {
            throw new IllegalStateException("Thread '" + Thread.currentThread().getName() + "' waited "
                    + lockTimeout.toMillis() + " ms for the in-memory stores of the Client Workspace Kit, which "
                    + holder() + " holds, and gave up." + WHY + " Nothing was changed (the wait is the lock timeout:"
                    + " InMemoryStores.create(Duration), or client-workspace.memory.lock-timeout with the Spring Boot"
                    + " starter).");
        }
    }

    private static final String WHY = " A unit of work or Spring transaction on that thread has written through the"
            + " in-memory stores and has not ended yet, and the in-memory stores serialize transactions: every other"
            + " thread's reads and writes wait until it ends. If that thread waits for this one (a @Transactional test"
            + " that calls its own server, or waits for an @Async kit call), end its transaction first, or use the JPA"
            + " stores for tests that run kit calls concurrently.";

    private String holder() {
        Thread owner = lock.owner();
        return owner == null ? "another thread" : "thread '" + owner.getName() + "'";
    }

    /** The read-write lock, telling which thread holds its write lock. */
    private static final class OwnedLock extends ReentrantReadWriteLock {
        private static final long serialVersionUID = 1L;

        @Nullable Thread owner() {
            return getOwner();
        }
    }

    /** Runs a read under the read lock (or inside the current unit of work on this thread). */
    <T> T read(Supplier<T> read) {
        if (lock.isWriteLockedByCurrentThread()) {
            return read.get();
        }
        acquire(lock.readLock());
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
        acquire(lock.writeLock());
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

    /**
     * The handle of a unit of work opened by {@link #begin()}: end it exactly once, with {@link #commit()}
     * or {@link #rollback()}, on the thread that began it. Misuse (another thread, a second end, an end
     * while a unit of work begun after it on the thread is still open) is an {@link IllegalStateException}
     * that changes nothing.
     */
    public final class Outer {

        private final Thread owner;
        private final boolean outermost;
        private final int mark;
        private final int actionsMark;
        private final int holdCount;
        // Read and written by the owner thread only (other threads are refused before they look at it).
        private @Nullable String ended;

        private Outer(Thread owner, boolean outermost, int mark, int actionsMark, int holdCount) {
            this.owner = owner;
            this.outermost = outermost;
            this.mark = mark;
            this.actionsMark = actionsMark;
            this.holdCount = holdCount;
        }

        /**
         * Keeps the writes made since {@link #begin()} and releases the lock. For the outermost unit of work
         * they are committed: resources are dropped and the after-commit actions run, after the lock is
         * released, each failure logged and not thrown. A nested handle hands its writes and actions to
         * the unit of work it nests in.
         *
         * @throws IllegalStateException if called on another thread, a second time, or while a unit of work
         *                               begun after this one is still open on this thread
         */
        public void commit() {
            checkEndable("commit");
            ended = "committed";
            List<Runnable> committedActions = List.of();
            try {
                if (outermost) {
                    committedActions = endCommitted();
                }
            } finally {
                lock.writeLock().unlock();
            }
            committedActions.forEach(InMemoryTransactions::runQuietly);
        }

        /**
         * Undoes every write made since {@link #begin()}, in reverse order, drops the after-commit actions
         * registered since then, and releases the lock; for the outermost unit of work also drops the
         * resources.
         *
         * @throws IllegalStateException if called on another thread, a second time, or while a unit of work
         *                               begun after this one is still open on this thread
         */
        public void rollback() {
            checkEndable("roll back");
            ended = "rolled back";
            try {
                undoSince(requireNonNull(undo), mark, null);
            } finally {
                try {
                    endRolledBack(actionsMark, outermost);
                } finally {
                    lock.writeLock().unlock();
                }
            }
        }

        /** Whether neither {@link #commit()} nor {@link #rollback()} has ended it yet. */
        public boolean isOpen() {
            return ended == null;
        }

        private void checkEndable(String verb) {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("Cannot " + verb + " an in-memory unit of work on thread '"
                        + Thread.currentThread().getName() + "': it was begun on thread '" + owner.getName()
                        + "', and only that thread may end it");
            }
            if (ended != null) {
                throw new IllegalStateException("Cannot " + verb + " an in-memory unit of work that is already "
                        + ended + "; end each handle of InMemoryTransactions.begin() exactly once");
            }
            if (lock.getWriteHoldCount() != holdCount) {
                throw new IllegalStateException("Cannot " + verb + " an in-memory unit of work while a unit of work"
                        + " begun after it on this thread is still open; end the inner one first");
            }
        }
    }

    /**
     * Ends the outermost unit of work as committed (the caller holds the write lock): closes the journal,
     * drops the resources and hands over the after-commit actions, to be run once the lock is released.
     */
    private List<Runnable> endCommitted() {
        undo = null;
        resources.clear();
        List<Runnable> committedActions = List.copyOf(afterCommit);
        afterCommit.clear();
        return committedActions;
    }

    /**
     * Ends a unit of work as rolled back once its writes are undone (the caller holds the write lock): drops
     * the after-commit actions registered since {@code actionsMark}; the outermost one also closes the
     * journal and drops the resources.
     */
    private void endRolledBack(int actionsMark, boolean outermost) {
        afterCommit.subList(actionsMark, afterCommit.size()).clear();
        if (outermost) {
            undo = null;
            resources.clear();
        }
    }

    /** A write's result and how to undo it. */
    record Undoable<T>(@Nullable T result, Runnable undo) {
    }
}
