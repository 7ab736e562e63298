package io.clientworkspace.spring;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.slf4j.Logger;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What {@link SpringJpaTransactions} and {@link SpringInMemoryTransactions} share:
 * {@link io.clientworkspace.spi.UnitOfWork#resource} on Spring's transactions (a value bound to the thread with
 * {@link TransactionSynchronizationManager#bindResource} and unbound by a synchronization when the
 * transaction completes, committed or rolled back), and running an after-commit action whose failure is
 * logged, never thrown.
 */
final class SpringTransactionResources {

    private SpringTransactionResources() {
    }

    /**
     * Runs an after-commit action; a failure is logged to {@code log} and not thrown, since the transaction
     * itself has committed.
     */
    static void runQuietly(Runnable action, Logger log) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("An after-commit action failed; the transaction itself has committed", e);
        }
    }

    /**
     * The value bound under {@code key} to the Spring transaction on this thread, bound from {@code create}
     * on the first call; empty when no actual transaction is active or synchronization is off.
     */
    static <R> Optional<R> bound(Object key, Class<R> type, Supplier<? extends R> create) {
        requireNonNull(key, "key must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(create, "create must not be null");
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound == null) {
            bound = requireNonNull(create.get(), "create must not supply null");
            TransactionSynchronizationManager.bindResource(key, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return Optional.of(type.cast(bound));
    }
}
