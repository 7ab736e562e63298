package io.clientworkspace.spi;

import java.util.Optional;
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

    /**
     * Whether a unit of work is running on this thread: inside {@link #execute}, or, for implementations
     * that join a transaction of the host, inside such a transaction even while no {@code execute} call is
     * running (for example between two kit calls in one {@code @Transactional} method of the host). Reads
     * made while it is {@code true} may see writes that are not committed yet and may never be, so the
     * kit's permission cache never keeps what it reads then for other threads or later transactions.
     *
     * <p>The default answers {@code false}, which makes the kit treat every read as committed, as kits
     * before this method did: a permission answer computed from this implementation's uncommitted writes
     * could then outlive a rollback in the cache until it expires. Every implementation shipped with the
     * kit overrides it; so should every implementation that can tell.
     */
    default boolean isActive() {
        return false;
    }

    /**
     * A value bound to the unit of work running on this thread: the first call with a key in a unit of
     * work stores what {@code create} supplies; every later call with an equal key, also from a nested
     * unit of work, returns that same value until the outermost unit of work ends, committed or rolled
     * back, when it is dropped, so a later unit of work starts without it. Used by the permission cache
     * to remember which access data the running unit of work has changed.
     *
     * <p>Empty when no unit of work is running ({@link #isActive()} is {@code false}), and also when the
     * implementation cannot bind values (the default), in which case callers must assume the unit of
     * work may have changed anything: the permission cache then reads every answer inside it from the
     * stores. Implementations must drop the value however the unit of work ends.
     *
     * @param key    identifies the value; use an object private to the caller, compared by {@code equals}
     * @param type   the value's type; a value bound under {@code key} that is not of it is an error
     * @param create makes the value on the first call in a unit of work
     */
    default <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        return Optional.empty();
    }
}
