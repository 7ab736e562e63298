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
}
