package io.clientworkspace.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@link JpaTransactions} on resource-local transactions of an {@link EntityManagerFactory}: the
 * outermost call creates an entity manager, begins a transaction, commits or rolls back, and closes
 * the entity manager; nested calls join it.
 *
 * <p>A nested call that throws marks the transaction rollback-only: even if an outer caller catches
 * the exception, the outermost call then rolls back and throws {@link IllegalStateException}, so a
 * half-done operation is never committed.
 */
public final class ResourceLocalTransactions implements JpaTransactions {

    private static final Logger log = LoggerFactory.getLogger(ResourceLocalTransactions.class);

    private static final class Context {
        final EntityManager entityManager;
        final List<Runnable> afterCommit = new ArrayList<>();
        final Map<Object, Object> resources = new HashMap<>();
        boolean rollbackOnly;

        Context(EntityManager entityManager) {
            this.entityManager = entityManager;
        }
    }

    private final EntityManagerFactory entityManagerFactory;
    private final ThreadLocal<@Nullable Context> current = new ThreadLocal<>();

    public ResourceLocalTransactions(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = requireNonNull(entityManagerFactory, "entityManagerFactory must not be null");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireNonNull(work, "work must not be null");
        Context joined = current.get();
        if (joined != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                joined.rollbackOnly = true;
                throw e;
            }
        }
        EntityManager em = entityManagerFactory.createEntityManager();
        Context context = new Context(em);
        current.set(context);
        EntityTransaction tx = em.getTransaction();
        T result;
        try {
            tx.begin();
            result = work.get();
            if (context.rollbackOnly) {
                tx.rollback();
                throw new IllegalStateException("A nested unit of work failed, so the whole transaction was rolled back;"
                        + " do not catch and ignore failures of nested units of work");
            }
            try {
                tx.commit();
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, "transaction", "commit");
            }
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
        for (Runnable action : context.afterCommit) {
            runQuietly(action);
        }
        return result;
    }

    @Override
    public EntityManager entityManager() {
        Context context = current.get();
        if (context == null) {
            throw new IllegalStateException("No transaction is active on this thread; call inside inTransaction(...)");
        }
        return context.entityManager;
    }

    @Override
    public void afterCommit(Runnable action) {
        requireNonNull(action, "action must not be null");
        Context context = current.get();
        if (context == null) {
            runQuietly(action);
        } else {
            context.afterCommit.add(action);
        }
    }

    /** True inside {@link #inTransaction} on this thread (not while its after-commit actions run). */
    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    /** Kept in the transaction's context, so dropped with it however it ends. */
    @Override
    public <R> Optional<R> resource(Object key, Class<R> type, Supplier<? extends R> create) {
        requireNonNull(key, "key must not be null");
        requireNonNull(type, "type must not be null");
        requireNonNull(create, "create must not be null");
        Context context = current.get();
        if (context == null) {
            return Optional.empty();
        }
        return Optional.of(type.cast(context.resources.computeIfAbsent(key,
                k -> requireNonNull(create.get(), "create must not supply null"))));
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("An after-commit action failed; the transaction itself has committed", e);
        }
    }
}
