package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import jakarta.persistence.EntityManagerFactory;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Every store SPI on Jakarta Persistence, in one call.
 *
 * <pre>{@code
 * EntityManagerFactory emf = ...;            // with JpaStores.ENTITY_CLASSES registered
 * WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(emf)).build();
 * }</pre>
 *
 * <p>The schema must exist first: apply the Flyway-format migrations in
 * {@link #MIGRATIONS_POSTGRESQL} or {@link #MIGRATIONS_H2} (with Flyway, or any way you like).
 */
public final class JpaStores {

    /** Classpath location of the PostgreSQL migrations (Flyway: {@code classpath:db/clientworkspace/postgresql}). */
    public static final String MIGRATIONS_POSTGRESQL = "db/clientworkspace/postgresql";

    /** Classpath location of the H2 migrations (Flyway: {@code classpath:db/clientworkspace/h2}). */
    public static final String MIGRATIONS_H2 = "db/clientworkspace/h2";

    /**
     * The entity classes to register with the persistence unit: those of every feature in {@link JpaFeatures#ALL},
     * in its order.
     */
    public static final List<Class<?>> ENTITY_CLASSES = JpaFeatures.ALL.stream()
            .flatMap(feature -> feature.entityClasses().stream())
            .toList();

    private JpaStores() {
    }

    /** Stores on resource-local transactions of {@code emf}: for hosts without a transaction manager. */
    public static Stores create(EntityManagerFactory emf) {
        return create(new ResourceLocalTransactions(requireNonNull(emf, "emf must not be null")));
    }

    /**
     * Stores on the given transactions, e.g. ones that join the host's transaction, with the
     * transactional event outbox.
     */
    public static Stores create(JpaTransactions transactions) {
        return create(transactions, Clock.systemUTC());
    }

    /**
     * Like {@link #create(JpaTransactions)}, with the clock that stamps event delivery. Every feature of
     * {@link JpaFeatures#ALL} adds its stores.
     */
    public static Stores create(JpaTransactions transactions, Clock clock) {
        requireNonNull(transactions, "transactions must not be null");
        requireNonNull(clock, "clock must not be null");
        Stores.Builder stores = Stores.builder(new JpaUnitOfWork(transactions));
        JpaFeatures.ALL.forEach(feature -> feature.addStores(stores, transactions, clock));
        return stores.build();
    }
}
