package io.clientworkspace.tck;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;

import static java.util.Objects.requireNonNull;

/**
 * Store sets that provide only the foundation stores ({@link Stores#FOUNDATION}): what a store set
 * written before files and approvals existed looks like, and what a plugin written against today's
 * features looks like once a new feature is added. A kit built on one works for tenants, workspaces,
 * members, invitations and activity and reports every other feature unavailable, naming the missing SPI.
 */
public final class FoundationOnlyStores {

    private FoundationOnlyStores() {
    }

    /**
     * The foundation stores of {@code full}, with its unit of work and outbox, and nothing else.
     *
     * @param full any store set that provides at least the foundation stores
     * @return a new set sharing {@code full}'s foundation stores
     * @throws io.clientworkspace.FeatureUnavailableException if {@code full} lacks a foundation store
     */
    public static Stores of(Stores full) {
        requireNonNull(full, "full must not be null");
        Stores.Builder builder = Stores.builder(full.unitOfWork());
        for (Class<?> spi : Stores.FOUNDATION) {
            copy(full, builder, spi);
        }
        full.outbox().ifPresent(builder::outbox);
        return builder.build();
    }

    /** A fresh foundation-only set over new in-memory stores. */
    public static Stores inMemory() {
        return of(InMemoryStores.create());
    }

    private static <S> void copy(Stores from, Stores.Builder to, Class<S> spi) {
        to.add(spi, from.require(spi));
    }
}
