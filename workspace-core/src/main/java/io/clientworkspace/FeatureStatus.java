package io.clientworkspace;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Whether one feature of a kit can be used (see {@link WorkspaceKit#features()}).
 *
 * @param name the feature's name, e.g. {@code "approvals"}
 * @param available whether its services can be used
 * @param missingStore when unavailable, the first store SPI the store set does not provide; empty when available
 */
public record FeatureStatus(String name, boolean available, Optional<Class<?>> missingStore) {

    public FeatureStatus {
        requireNonNull(name, "name must not be null");
        requireNonNull(missingStore, "missingStore must not be null");
        if (available == missingStore.isPresent()) {
            throw new IllegalArgumentException("a feature is unavailable exactly when a store is missing");
        }
    }
}
