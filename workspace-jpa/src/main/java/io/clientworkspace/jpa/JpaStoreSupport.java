package io.clientworkspace.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import static java.util.Objects.requireNonNull;

/**
 * What every JPA store shares. Each store call runs in (or joins) a transaction, flushes its writes at
 * once so that conflicts surface as core errors at the call that caused them, and detaches the
 * entities it touched, so that a later read in the same transaction goes to the database and sees
 * what other transactions committed meanwhile (after a lock was taken, say) instead of a stale copy.
 */
abstract class JpaStoreSupport {

    private final JpaTransactions transactions;

    JpaStoreSupport(JpaTransactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions must not be null");
    }

    /** Runs a store operation in the current transaction, or in one of its own. */
    final <T> T tx(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    final EntityManager em() {
        return transactions.entityManager();
    }

    /** Flushes pending writes, translating failures into core errors about {@code resourceType} {@code id}. */
    final void flush(String resourceType, String id) {
        try {
            em().flush();
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, resourceType, id);
        }
    }

    /** Persists and flushes a new entity, then detaches it. */
    final <E> E insert(E entity, String resourceType, String id) {
        try {
            em().persist(entity);
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, resourceType, id);
        }
        flush(resourceType, id);
        em().detach(entity);
        return entity;
    }

    /** Flushes changes to a managed entity, then detaches it. */
    final <E> E saveManaged(E entity, String resourceType, String id) {
        flush(resourceType, id);
        em().detach(entity);
        return entity;
    }

    /**
     * Flushes changes to a managed, versioned entity read at {@code readVersion}, then detaches it. Every
     * save counts as a change: when no field changed (so Hibernate wrote nothing), the version is
     * incremented anyway, with the same stale-version check, as the SPI contracts require.
     */
    final <E> E saveVersioned(E entity, long readVersion, ToLongFunction<E> versionOf, String resourceType, String id) {
        flush(resourceType, id);
        if (versionOf.applyAsLong(entity) == readVersion) {
            try {
                em().lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, resourceType, id);
            }
            flush(resourceType, id);
        }
        em().detach(entity);
        return entity;
    }

    /** Detaches and maps query results. */
    final <E, D> List<D> mapDetached(List<E> entities, Function<E, D> toDomain) {
        EntityManager em = em();
        return entities.stream().map(e -> {
            em.detach(e);
            return toDomain.apply(e);
        }).toList();
    }

    /** Whether {@code other} runs its work in this store's transactions (the same database and unit of work). */
    final boolean sharesTransactionsWith(JpaStoreSupport other) {
        return transactions == other.transactions;
    }

    /** Detaches and maps one result. */
    final <E, D> D mapDetached(E entity, Function<E, D> toDomain) {
        em().detach(entity);
        return toDomain.apply(entity);
    }
}
