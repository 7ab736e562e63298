package io.clientworkspace;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A feature was used whose stores the store set does not provide (for example approvals on a store set
 * written before approvals existed). Nothing was changed. The kit itself works: every other feature,
 * and the foundation (tenants, workspaces, members, invitations, activity), stays usable.
 */
public final class FeatureUnavailableException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final Class<?> missingStore;

    /**
     * Creates the exception for a feature and the first store SPI the store set is missing.
     *
     * @param feature the feature's name, e.g. {@code "approvals"}
     * @param missingStore the store SPI interface that is not provided
     */
    public FeatureUnavailableException(String feature, Class<?> missingStore) {
        super(message(feature, missingStore));
        this.feature = feature;
        this.missingStore = missingStore;
    }

    private static String message(String feature, Class<?> missingStore) {
        requireNonNull(feature, "feature must not be null");
        requireNonNull(missingStore, "missingStore must not be null");
        String title = feature.isEmpty() ? feature
                : feature.substring(0, 1).toUpperCase(Locale.ROOT) + feature.substring(1);
        return title + " " + (feature.endsWith("s") ? "are" : "is") + " unavailable: the store set provides no "
                + missingStore.getName()
                + " (InMemoryStores.create() and JpaStores.create(...) provide every store)";
    }

    /** The name of the unavailable feature, e.g. {@code "approvals"}. */
    public String feature() {
        return feature;
    }

    /** The store SPI interface the store set does not provide. */
    public Class<?> missingStore() {
        return missingStore;
    }

    @Override
    public String code() {
        return "feature-unavailable";
    }
}
