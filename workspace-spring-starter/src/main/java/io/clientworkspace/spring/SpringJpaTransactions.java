package io.clientworkspace.spring;

import io.clientworkspace.jpa.JpaTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@link JpaTransactions} on Spring's transaction management: a unit of work joins the host's
 * transaction when one is active (propagation REQUIRED) and otherwise runs in one of its own; the
 * entity manager is the one Spring bound to that transaction; after-commit actions run as
 * {@link TransactionSynchronization#afterCommit()}, so events of a unit of work that joined the host's
 * transaction are delivered only once the host commits.
 *
 * <p>While after-commit actions run, Spring still has the committed transaction bound to the thread;
 * work that joined it would not be written (Hibernate refuses updates outright). So a unit of work
 * begun by an after-commit action (marking outbox events delivered, a listener calling the kit) runs
 * in a new transaction of its own.
 *
 * <p>{@link #isActive()} is Spring's "an actual transaction is active on this thread", so the kit knows
 * about the host's {@code @Transactional} methods also between two kit calls; {@linkplain #resource
 * resources} are bound with {@link TransactionSynchronizationManager} and unbound when that transaction
 * completes, committed or rolled back.
 */
public final class SpringJpaTransactions implements JpaTransactions {

    private static final Logger log = LoggerFactory.getLogger(SpringJpaTransactions.class);

    private final TransactionTemplate template;
    private final TransactionTemplate newTransaction;
    private final EntityManagerFactory entityManagerFactory;
    /** True on a thread while it runs after-commit actions outside any transaction of their own. */
    private final ThreadLocal<Boolean> inAfterCommit = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public SpringJpaTransactions(PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory) {
        this.template = new TransactionTemplate(requireNonNull(transactionManager, "transactionManager must not be null"));
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entityManagerFactory = requireNonNull(entityManagerFactory, "entityManagerFactory must not be null");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireNonNull(work, "work must not be null");
        if (inAfterCommit.get()) {
            inAfterCommit.set(Boolean.FALSE);
            try {
                return newTransaction.execute(status -> work.get());
            } finally {
                inAfterCommit.set(Boolean.TRUE);
            }
        }
        return template.execute(status -> work.get());
    }

    @Override
    public EntityManager entityManager() {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (em == null) {
            throw new IllegalStateException("No Spring-managed transaction with an EntityManager is active;"
                    + " is the PlatformTransactionManager a JpaTransactionManager for this EntityManagerFactory?");
        }
        return em;
    }

    @Override
    public void afterCommit(Runnable action) {
        requireNonNull(action, "action must not be null");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            SpringTransactionResources.runQuietly(action, log);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                boolean outer = inAfterCommit.get();
                inAfterCommit.set(Boolean.TRUE);
                try {
                    SpringTransactionResources.runQuietly(action, log);
                } finally {
                    inAfterCommit.set(outer);
                }
            }
        });
    }

    /**
     * True while Spring has an actual transaction on this thread: one of the kit's, or one of the host's
     * that a unit of work would join; also while its after-commit callbacks run.
     */
    @Override
    public boolean isActive() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * Bound to the thread with {@link TransactionSynchronizationManager#bindResource} and unbound by a
     * synchronization when the transaction completes. Empty when no transaction is active, and when
     * transaction synchronization is off (the kit then treats the transaction as having changed anything).
     * A transaction begun with {@code REQUIRES_NEW} inside one that already bound the value sees the same
     * value: it only ever makes the kit more careful.
     */
    @Override
    public <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        requireNonNull(key, "key must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(create, "create must not be null");
        return SpringTransactionResources.bound(key, type, create);
    }
}
