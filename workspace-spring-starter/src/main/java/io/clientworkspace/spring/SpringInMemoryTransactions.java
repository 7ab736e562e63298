package io.clientworkspace.spring;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.memory.InMemoryTransactions;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The unit of work of the in-memory stores on Spring's transaction management: the in-memory stores join
 * the host's Spring transaction as the JPA stores do ({@link SpringJpaTransactions}), so a test on the
 * in-memory default behaves like production. The starter uses it whenever it chooses the in-memory stores
 * and Spring's transaction support ({@code spring-tx}) is on the class path; it needs no transaction
 * manager of a particular kind (JPA, JDBC's {@code DataSourceTransactionManager}, or none at all).
 *
 * <ul>
 *   <li><b>Inside a Spring transaction</b> (an actual transaction with synchronization active), the first
 *       kit write {@linkplain InMemoryTransactions#begin() begins} one in-memory unit of work for the whole
 *       transaction, and every later kit call of that transaction nests in it. It ends with the
 *       transaction: committed when Spring commits (in {@link TransactionSynchronization#afterCommit()},
 *       so the kit's events are delivered then, once, as with the JPA stores), undone when Spring rolls
 *       back or cannot tell the outcome ({@code STATUS_UNKNOWN}), first of all the transaction's
 *       synchronizations, so that the host's own after-commit and after-rollback callbacks already see the
 *       outcome and their kit writes are kept. A host's {@code @Transactional} method
 *       that creates a workspace and members and then fails leaves nothing behind: no workspace, member,
 *       activity entry or event, and no permission answer cached from it.</li>
 *   <li><b>Serializable.</b> From its first kit write until it ends, the transaction holds the in-memory
 *       stores' write lock: kit calls on every other thread, reads included, wait for it, and then see
 *       the committed state only. This is the honest choice for a store meant for development and tests;
 *       it also means that a transaction that wrote through the kit must not wait for another thread that
 *       uses the kit (an {@code @Async} call it joins, for example), which would wait for it in turn: that
 *       thread's kit call is refused after the stores' lock timeout with an {@link IllegalStateException}
 *       naming the waiting transaction's thread.</li>
 *   <li><b>One in-memory transaction per thread.</b> While a Spring transaction holds the stores, a kit
 *       call on the same thread from a suspended scope ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED})
 *       cannot be independent of it: in a {@code REQUIRES_NEW} transaction it nests like a savepoint (its
 *       rollback undoes only its own writes, its commit keeps them only if the outer transaction commits
 *       too); without a transaction it joins the held one. A database would keep such writes even when the
 *       outer transaction rolls back.</li>
 *   <li><b>Read-only transactions refuse kit writes.</b> A write inside a transaction the host declared
 *       read-only ({@code @Transactional(readOnly = true)}) is an {@link IllegalStateException} that
 *       changes nothing, so a test on the in-memory stores fails where a read-only database transaction
 *       would not take the write. Kit reads work in it.</li>
 *   <li><b>Without a Spring transaction</b> (or with synchronization off) it behaves exactly as
 *       {@link InMemoryTransactions}: each kit call is a unit of work of its own. So does work started
 *       while Spring completes a transaction that has already released its synchronizations.</li>
 * </ul>
 *
 * <p>{@link #isActive()} is true while Spring has an actual transaction on the thread (as
 * {@link SpringJpaTransactions#isActive()}) or while the in-memory stores hold an open unit of work on
 * it; {@linkplain #resource resources} are bound to the Spring transaction, as there.
 */
public final class SpringInMemoryTransactions implements UnitOfWork {

    private static final Logger log = LoggerFactory.getLogger(SpringInMemoryTransactions.class);

    private final InMemoryTransactions delegate;
    /** The key under which the open unit of work of the current Spring transaction is bound. */
    private final Object handleKey = new Object();

    /**
     * Wraps the unit of work of a set of in-memory stores.
     *
     * @param delegate the {@link InMemoryTransactions} every store of the set writes through
     */
    public SpringInMemoryTransactions(InMemoryTransactions delegate) {
        this.delegate = requireNonNull(delegate, "delegate must not be null");
    }

    /**
     * The same stores on a {@code SpringInMemoryTransactions} around their own unit of work.
     *
     * @param inMemoryStores stores made by {@link InMemoryStores#create()}
     * @throws IllegalArgumentException if their unit of work is not an {@link InMemoryTransactions}
     */
    public static Stores joiningSpringTransactions(Stores inMemoryStores) {
        requireNonNull(inMemoryStores, "inMemoryStores must not be null");
        if (!(inMemoryStores.unitOfWork() instanceof InMemoryTransactions transactions)) {
            throw new IllegalArgumentException("inMemoryStores must run on InMemoryTransactions (InMemoryStores.create()),"
                    + " not on " + inMemoryStores.unitOfWork().getClass().getName());
        }
        return inMemoryStores.withUnitOfWork(new SpringInMemoryTransactions(transactions));
    }

    /**
     * Runs {@code work} in the in-memory unit of work of the running Spring transaction (beginning it on
     * the transaction's first write), or in one of its own outside Spring transactions.
     *
     * @throws IllegalStateException if the running Spring transaction is read-only
     */
    @Override
    public <T> T execute(Supplier<T> work) {
        requireNonNull(work, "work must not be null");
        if (inSpringTransaction()) {
            joinSpringTransaction();
        }
        return delegate.execute(work);
    }

    /**
     * Runs {@code action} once the in-memory unit of work on this thread has committed (so, inside a
     * Spring transaction that wrote through the kit, once Spring has committed); inside a Spring
     * transaction that has not written through the kit, after Spring commits; otherwise at once.
     */
    @Override
    public void afterCommit(Runnable action) {
        requireNonNull(action, "action must not be null");
        if (delegate.isActive() || !inSpringTransaction()) {
            delegate.afterCommit(action);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                SpringTransactionResources.runQuietly(action, log);
            }
        });
    }

    /**
     * True while Spring has an actual transaction on this thread (also between two kit calls of a host's
     * {@code @Transactional} method), or while the in-memory stores hold an open unit of work on it.
     */
    @Override
    public boolean isActive() {
        return TransactionSynchronizationManager.isActualTransactionActive() || delegate.isActive();
    }

    /**
     * Inside a Spring transaction (synchronization active), bound to it as {@link SpringJpaTransactions}
     * binds it: from the first call, also before the transaction's first kit write, until the transaction
     * completes, committed or rolled back. Otherwise bound to the in-memory unit of work on this thread
     * until it ends, and empty when there is none.
     */
    @Override
    public <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        requireNonNull(key, "key must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(create, "create must not be null");
        if (inSpringTransaction()) {
            return SpringTransactionResources.bound(key, type, create);
        }
        return delegate.resource(key, type, create);
    }

    private static boolean inSpringTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive();
    }

    private void joinSpringTransaction() {
        if (TransactionSynchronizationManager.hasResource(handleKey)) {
            return;
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            String name = TransactionSynchronizationManager.getCurrentTransactionName();
            throw new IllegalStateException("The Client Workspace Kit cannot write inside the read-only Spring transaction"
                    + (name == null ? "" : " '" + name + "'") + " (@Transactional(readOnly = true)): a read-only"
                    + " transaction must not take writes, so the in-memory stores refuse them as a database would."
                    + " Call the kit from a read-write transaction or outside this one.");
        }
        InMemoryTransactions.Outer outer = delegate.begin();
        TransactionSynchronizationManager.bindResource(handleKey, outer);
        try {
            TransactionSynchronizationManager.registerSynchronization(new JoinedTransaction(outer));
        } catch (RuntimeException | Error e) {
            TransactionSynchronizationManager.unbindResourceIfPossible(handleKey);
            outer.rollback();
            throw e;
        }
    }

    /**
     * Ends the in-memory unit of work with the Spring transaction that began it, before every other
     * synchronization of the transaction (Spring calls {@code afterCommit} and {@code afterCompletion} in
     * the synchronizations' order): a host's after-commit or after-rollback callback, also one registered
     * before the transaction's first kit write (a {@code @TransactionalEventListener} whose event was
     * published earlier), sees the committed state, and a kit write it makes is a unit of work of its own
     * that is kept, as on the JPA stores, instead of nesting in the ending one.
     */
    private final class JoinedTransaction implements TransactionSynchronization {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        private final InMemoryTransactions.Outer outer;

        JoinedTransaction(InMemoryTransactions.Outer outer) {
            this.outer = outer;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(handleKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(handleKey, outer);
        }

        /** Commits while Spring's synchronizations are still active, as the JPA stores deliver their events. */
        @Override
        public void afterCommit() {
            if (outer.isOpen()) {
                TransactionSynchronizationManager.unbindResourceIfPossible(handleKey);
                outer.commit();
            }
        }

        /**
         * Undoes the unit of work unless Spring committed; commits one that was begun during the commit's
         * after-commit phase (by an after-commit action of the host or the kit), which missed
         * {@link #afterCommit()}.
         */
        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(handleKey);
            if (!outer.isOpen()) {
                return;
            }
            if (status == STATUS_COMMITTED) {
                outer.commit();
            } else {
                outer.rollback();
            }
        }
    }
}
