package io.clientworkspace.spi;

import java.util.function.Supplier;

/**
 * Makes a multi-store operation atomic: every store write performed by {@code work} on this thread
 * is committed together when it returns, or none is when it throws.
 *
 * <p>A nested call joins the outer unit of work. If a nested call throws, its writes and its
 * {@link #afterCommit} actions must never be committed. Implementations choose one of two ways:
 * undo just the nested writes before the exception propagates, like a savepoint (the in-memory
 * stores), or mark the whole unit of work rollback-only, in which case the outermost {@code execute}
 * rolls back and throws even if the outer work caught the failure and returned normally (the JPA
 * stores). Either way a failed operation changes nothing.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} atomically and returns its result.
     *
     * @throws RuntimeException whatever {@code work} threw, unchanged, after undoing its writes
     */
    <T> T execute(Supplier<T> work);

    /**
     * Runs {@code action} once the outermost unit of work running on this thread has committed, or
     * never if it rolls back; runs it at once when no unit of work is running. Used to deliver events
     * only after the changes they describe are durable, also when the unit of work joined a
     * transaction of the host that commits later.
     *
     * <p>An action that throws is not the caller's problem any more: implementations log it and go on
     * with the other actions.
     */
    void afterCommit(Runnable action);
}
