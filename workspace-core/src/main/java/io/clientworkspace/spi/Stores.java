package io.clientworkspace.spi;

import io.clientworkspace.FeatureUnavailableException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An open, immutable set of stores: a map from store SPI interface to its implementation, plus the unit
 * of work that makes their writes atomic and, optionally, an event outbox. All stores must share one
 * underlying transaction mechanism (the in-memory set shares one lock; the JPA set one persistence
 * context per transaction). Blob contents are not here: a {@link BlobStore} is not transactional and is
 * configured on its own.
 *
 * <p>A set provides the stores it has. The foundation stores ({@link #FOUNDATION}) must be present for
 * a kit to be built; a feature whose stores are missing is unavailable (using it throws
 * {@link FeatureUnavailableException} naming the missing SPI), and every other feature keeps working.
 * A store set written against today's features therefore keeps compiling and working when a feature is
 * added.
 *
 * <pre>{@code
 * Stores stores = Stores.builder(unitOfWork)
 *         .add(TenantStore.class, tenants)
 *         .add(ApprovalStore.class, approvals)
 *         .outbox(outbox)              // optional
 *         .build();
 * }</pre>
 *
 * <p>Build a complete set with {@code InMemoryStores.create()} or {@code JpaStores.create(...)}; replace
 * or add single stores (a decorator, a fault injector) with {@link #with(Class, Object)}.
 */
public final class Stores {

    /** The store SPIs every store set must provide (besides the {@link UnitOfWork}), in a stable order. */
    public static final List<Class<?>> FOUNDATION = List.of(TenantStore.class, TeamStore.class,
            PermissionMatrixStore.class, WorkspaceStore.class, MembershipStore.class, InvitationStore.class,
            ActivityStore.class);

    private final UnitOfWork unitOfWork;
    private final Map<Class<?>, Object> stores;
    private final Optional<EventOutbox> outbox;

    private Stores(UnitOfWork unitOfWork, Map<Class<?>, Object> stores, Optional<EventOutbox> outbox) {
        this.unitOfWork = unitOfWork;
        this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        this.outbox = outbox;
    }

    /**
     * Starts a store set around a unit of work.
     *
     * @param unitOfWork the unit of work that makes the stores' writes atomic
     * @return a new, empty builder
     */
    public static Builder builder(UnitOfWork unitOfWork) {
        return new Builder(requireNonNull(unitOfWork, "unitOfWork must not be null"));
    }

    /** The unit of work shared by every store of this set. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The event outbox, if this set has one. */
    public Optional<EventOutbox> outbox() {
        return outbox;
    }

    /**
     * The store registered for an SPI interface.
     *
     * @param spi the store SPI interface, e.g. {@code ApprovalStore.class}
     * @return the store, or empty when this set does not provide one
     */
    public <S> Optional<S> find(Class<S> spi) {
        requireNonNull(spi, "spi must not be null");
        return Optional.ofNullable(stores.get(spi)).map(spi::cast);
    }

    /**
     * The store registered for an SPI interface, for a feature that cannot work without it.
     *
     * @param spi the store SPI interface, e.g. {@code ApprovalStore.class}
     * @return the store, never null
     * @throws FeatureUnavailableException naming the SPI when this set does not provide it
     */
    public <S> S require(Class<S> spi) {
        return find(spi).orElseThrow(() -> new FeatureUnavailableException(featureOf(spi), spi));
    }

    /** Whether this set provides a store for the SPI interface. */
    public boolean provides(Class<?> spi) {
        requireNonNull(spi, "spi must not be null");
        return stores.containsKey(spi);
    }

    /** The SPI interfaces this set provides stores for (unmodifiable, in registration order). */
    public Set<Class<?>> provided() {
        return stores.keySet();
    }

    /**
     * A copy with one store replaced, or added when this set has none for the SPI.
     *
     * @param spi the store SPI interface
     * @param store its new implementation (must implement {@code spi})
     * @return a new set; this one is unchanged
     */
    public <S> Stores with(Class<S> spi, S store) {
        checkEntry(spi, store);
        Map<Class<?>, Object> copy = new LinkedHashMap<>(stores);
        copy.put(spi, store);
        return new Stores(unitOfWork, copy, outbox);
    }

    /** A copy with another unit of work; this set is unchanged. */
    public Stores withUnitOfWork(UnitOfWork replacement) {
        return new Stores(requireNonNull(replacement, "replacement must not be null"), stores, outbox);
    }

    /** A copy with another (or no) event outbox; this set is unchanged. */
    public Stores withOutbox(Optional<EventOutbox> replacement) {
        return new Stores(unitOfWork, stores, requireNonNull(replacement, "replacement must not be null"));
    }

    /** The tenant store (foundation). @throws FeatureUnavailableException if this set has none */
    public TenantStore tenants() {
        return require(TenantStore.class);
    }

    /** The tenant team store (foundation). @throws FeatureUnavailableException if this set has none */
    public TeamStore team() {
        return require(TeamStore.class);
    }

    /** The permission matrix store (foundation). @throws FeatureUnavailableException if this set has none */
    public PermissionMatrixStore permissionMatrices() {
        return require(PermissionMatrixStore.class);
    }

    /** The workspace store (foundation). @throws FeatureUnavailableException if this set has none */
    public WorkspaceStore workspaces() {
        return require(WorkspaceStore.class);
    }

    /** The membership store (foundation). @throws FeatureUnavailableException if this set has none */
    public MembershipStore memberships() {
        return require(MembershipStore.class);
    }

    /** The invitation store (foundation). @throws FeatureUnavailableException if this set has none */
    public InvitationStore invitations() {
        return require(InvitationStore.class);
    }

    /** The activity store (foundation). @throws FeatureUnavailableException if this set has none */
    public ActivityStore activity() {
        return require(ActivityStore.class);
    }

    @Override
    public String toString() {
        return "Stores" + stores.keySet().stream().map(Class::getSimpleName).toList()
                + (outbox.isPresent() ? " with outbox" : "");
    }

    /**
     * The name used in messages for a missing store, from the SPI's name: {@code ApprovalStore} gives
     * "approvals". The kit names its unavailable features by their own names ({@code kit.files()} says "files").
     */
    private static String featureOf(Class<?> spi) {
        String name = spi.getSimpleName();
        String base = name.endsWith("Store") && name.length() > "Store".length()
                ? name.substring(0, name.length() - "Store".length()) : name;
        String lower = base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1);
        if (lower.endsWith("s")) {
            return lower;
        }
        return lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
    }

    private static void checkEntry(Class<?> spi, Object store) {
        requireNonNull(spi, "spi must not be null");
        requireNonNull(store, "store must not be null");
        if (!spi.isInterface()) {
            throw new IllegalArgumentException("a store is registered under its SPI interface, not "
                    + spi.getName());
        }
        if (spi == UnitOfWork.class || spi == EventOutbox.class) {
            throw new IllegalArgumentException(spi.getSimpleName()
                    + " is not a store: pass it to Stores.builder(...) or outbox(...)");
        }
        if (!spi.isInstance(store)) {
            throw new IllegalArgumentException(store.getClass().getName() + " does not implement " + spi.getName());
        }
    }

    /** Collects stores for a new {@link Stores}; not thread-safe, use once. */
    public static final class Builder {

        private final UnitOfWork unitOfWork;
        private final Map<Class<?>, Object> stores = new LinkedHashMap<>();
        private Optional<EventOutbox> outbox = Optional.empty();

        private Builder(UnitOfWork unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        /**
         * Registers the store for an SPI interface.
         *
         * @throws IllegalArgumentException if {@code spi} is not an interface, {@code store} does not
         *         implement it, or a store is already registered for it
         */
        public <S> Builder add(Class<S> spi, S store) {
            checkEntry(spi, store);
            if (stores.containsKey(spi)) {
                throw new IllegalArgumentException("a store is already registered for " + spi.getName());
            }
            stores.put(spi, store);
            return this;
        }

        /** Sets the event outbox (a set has none unless one is given). */
        public Builder outbox(EventOutbox outbox) {
            this.outbox = Optional.of(requireNonNull(outbox, "outbox must not be null"));
            return this;
        }

        /** The immutable store set; later changes to this builder do not affect it. */
        public Stores build() {
            return new Stores(unitOfWork, stores, outbox);
        }
    }
}
