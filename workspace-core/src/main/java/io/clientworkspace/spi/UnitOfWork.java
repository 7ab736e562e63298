package io.clientworkspace.spi;

import java.util.function.Supplier;

/**
 * Makes a multi-store operation atomic: every store write performed by {@code work} on this thread
 * is committed together when it returns, or none is when it throws.
 *
 * <p>A nested call joins the outer unit of work. If a nested call throws, the writes it made are
 * undone before the exception propagates (as with a savepoint), so that a caught failure never
 * leaves half of an operation behind. A JPA implementation may instead mark the whole transaction
 * rollback-only; either way a failed operation changes nothing.
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
