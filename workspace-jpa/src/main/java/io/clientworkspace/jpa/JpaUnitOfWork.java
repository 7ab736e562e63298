package io.clientworkspace.jpa;

import io.clientworkspace.spi.UnitOfWork;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** {@link UnitOfWork} as a JPA transaction of the given {@link JpaTransactions}. */
public final class JpaUnitOfWork implements UnitOfWork {

    private final JpaTransactions transactions;

    public JpaUnitOfWork(JpaTransactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions must not be null");
    }

    @Override
    public <T> T execute(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        transactions.afterCommit(action);
    }

    /** {@link JpaTransactions#isActive()}: also true inside a host transaction the stores would join. */
    @Override
    public boolean isActive() {
        return transactions.isActive();
    }

    /** {@link JpaTransactions#resource}. */
    @Override
    public <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        return transactions.resource(key, type, create);
    }
}
