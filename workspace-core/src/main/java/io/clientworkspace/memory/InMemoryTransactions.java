package io.clientworkspace.memory;

import io.clientworkspace.spi.UnitOfWork;
import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The unit of work of the in-memory stores: one read-write lock shared by all of them, and an undo
 * journal. A unit of work holds the write lock from start to end, so units of work are serializable;
 * every store write inside it registers how to undo itself, and a unit of work that throws undoes its
 * writes in reverse order before rethrowing. A nested unit of work that throws undoes only its own
 * writes (like a savepoint).
 */
public final class InMemoryTransactions implements UnitOfWork {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Guarded by the write lock: only its holder reads or writes the journal.
    private @Nullable Deque<Runnable> undo;

    @Override
    public <T> T execute(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            boolean outermost = undo == null;
            if (outermost) {
                undo = new ArrayDeque<>();
            }
            Deque<Runnable> journal = undo;
            int mark = journal.size();
            try {
                T result = work.get();
                if (outermost) {
                    undo = null;
                }
                return result;
            } catch (Throwable failure) {
                while (journal.size() > mark) {
                    journal.pop().run();
                }
                if (outermost) {
                    undo = null;
                }
                throw failure;
            }
        } finally {
            lock.writeLock().unlock();
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
    record Undoable<T>(T result, Runnable undo) {
    }
}
