package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/**
 * One feature's part of the JPA adapter: the entity classes its stores map, and how it adds those stores to a
 * store set. {@link JpaFeatures#ALL} lists every feature; {@link JpaStores#ENTITY_CLASSES} and
 * {@link JpaStores#create(JpaTransactions, Clock)} are derived from that list, so that a new feature adds its
 * stores, entities and migrations as new files plus one line in {@link JpaFeatures#ALL}.
 */
public interface JpaFeature {

    /** The feature's name, as the kit names it ({@code "files"}, {@code "approvals"}). */
    String name();

    /** The entity classes the feature's stores map; they must be managed by the persistence unit. */
    List<Class<?>> entityClasses();

    /**
     * Adds the feature's stores, on {@code transactions}, to {@code stores}; {@code clock} stamps what the
     * stores date themselves (event delivery). A feature whose stores are not held in {@code Stores} (the
     * checkpoint sink) adds nothing.
     */
    void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock);
}
