package io.clientworkspace.internal;

import io.clientworkspace.member.Authorizer;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link Feature} gets while the kit is built: the foundation (kernel, stores, authorizer,
 * access checks), the kit's settings, the services of features installed before it, the contributions
 * of the first phase, and {@link #provide} for its own services. One context per kit; not thread-safe
 * while the kit is being built, read-only afterwards.
 */
public final class FeatureContext {

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final WorkspaceAccess access;
    private final KitSettings settings;
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final Map<Class<?>, List<Object>> contributions = new LinkedHashMap<>();

    public FeatureContext(Kernel kernel, Authorizer authorizer, WorkspaceAccess access, KitSettings settings) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.settings = requireNonNull(settings, "settings must not be null");
    }

    /** The kernel every service writes through. */
    public Kernel kernel() {
        return kernel;
    }

    /** The store set of the kit (a feature calls {@code require} once, when it is installed). */
    public Stores stores() {
        return kernel.stores();
    }

    /** The authorizer of the kit. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** The access checks shared by workspace-scoped features. */
    public WorkspaceAccess access() {
        return access;
    }

    /** The kit's settings. */
    public KitSettings settings() {
        return settings;
    }

    /**
     * A service provided by a feature installed before; in a contribution, any installed service.
     *
     * @throws IllegalStateException if no feature provided it (yet)
     */
    public <T> T service(Class<T> type) {
        return findService(type).orElseThrow(() -> new IllegalStateException("no feature provides "
                + type.getName() + " (yet): list the feature that needs it after the one that provides it"));
    }

    /** A service provided by a feature installed before, if any. */
    public <T> Optional<T> findService(Class<T> type) {
        requireNonNull(type, "type must not be null");
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** Provides one of the feature's services; a type is provided once. */
    public <T> void provide(Class<T> type, T service) {
        requireNonNull(type, "type must not be null");
        requireNonNull(service, "service must not be null");
        if (services.putIfAbsent(type, service) != null) {
            throw new IllegalStateException(type.getName() + " is provided twice");
        }
    }

    /** Phase 1: adds a contribution (a hook) for the feature that consumes {@code type}. */
    public <T> void contribute(Class<T> type, T contribution) {
        requireNonNull(type, "type must not be null");
        requireNonNull(contribution, "contribution must not be null");
        contributions.computeIfAbsent(type, t -> new ArrayList<>()).add(contribution);
    }

    /** The contributions of type {@code type} made in phase 1, in feature order (unmodifiable). */
    public <T> List<T> contributions(Class<T> type) {
        requireNonNull(type, "type must not be null");
        return contributions.getOrDefault(type, List.of()).stream().map(type::cast).toList();
    }

    /** Every service provided so far, by type (unmodifiable copy). */
    public Map<Class<?>, Object> services() {
        return Map.copyOf(services);
    }
}
