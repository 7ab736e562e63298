package io.clientworkspace.jpa;

import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the JPA stores obtain their {@link EntityManager} and transaction. Two implementations are
 * meant: {@link ResourceLocalTransactions} when the stores run on their own (each unit of work is a
 * resource-local transaction of its own), and one supplied by the host's framework that joins the
 * host's transaction when one is active (the Spring Boot starter ships one on Spring's
 * {@code TransactionTemplate} and shared {@code EntityManager}; a Jakarta EE host implements it in a
 * few lines on a container-managed {@code EntityManager} and {@code TransactionSynchronizationRegistry}).
 *
 * <p>Implementations must be thread-safe; a transaction is bound to the thread that began it.
 */
public interface JpaTransactions {

    /**
     * Runs {@code work} in a transaction: joins the one active on this thread, or begins one and
     * commits it when {@code work} returns (rolls it back when it throws).
     */
    <T> T inTransaction(Supplier<T> work);

    /** The entity manager of the transaction active on this thread; call only inside {@link #inTransaction}. */
    EntityManager entityManager();

    /**
     * Runs {@code action} after the outermost transaction on this thread commits (never if it rolls
     * back), or at once when no transaction is active.
     */
    void afterCommit(Runnable action);

    /**
     * Whether a transaction is active on this thread, also one of the host's that {@link #inTransaction}
     * would join; see {@link io.clientworkspace.spi.UnitOfWork#isActive()}. The default answers
     * {@code false}, which makes the kit treat every read as committed (and cache permission answers read
     * inside transactions, as kits before this method did); implementations should override it.
     */
    default boolean isActive() {
        return false;
    }

    /**
     * A value bound to the transaction active on this thread, dropped when it ends however it ends; see
     * {@link io.clientworkspace.spi.UnitOfWork#resource}. The default binds nothing and answers empty,
     * which makes the kit read every permission answer inside an active transaction from the stores.
     */
    default <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        return Optional.empty();
    }
}
