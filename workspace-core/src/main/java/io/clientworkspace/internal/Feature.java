package io.clientworkspace.internal;

import java.util.List;

/**
 * One feature of the kit (tenants, files, approvals...): the store SPIs it needs, the services it
 * provides, and how it builds them. The kit runs every feature of {@link Features#ALL} in two phases:
 * {@link #contribute} (hooks for other features) and then {@link #install} (services). A feature whose
 * stores the store set does not provide, or that builds on an unavailable feature, runs neither phase
 * and is reported unavailable naming the first missing SPI.
 *
 * <p>Each feature lives in its own package and is the only code that calls the (package-private)
 * constructors of that package's services. Implementations are stateless: one instance serves every kit.
 */
public interface Feature {

    /** The feature's name, e.g. {@code "files"} or {@code "approvals"}: lower case, stable. */
    String name();

    /** The store SPI interfaces it needs; when one is missing the feature is unavailable. */
    List<Class<?>> stores();

    /** The service types it provides with {@link FeatureContext#provide}. */
    List<Class<?>> services();

    /** Names of the features it builds on (listed before it in {@link Features#ALL}). */
    default List<String> requires() {
        return List.of();
    }

    /** Phase 1: contributes hooks to features installed before or after it (e.g. a FileVersionHook). */
    default void contribute(FeatureContext ctx) {
    }

    /** Phase 2: builds the feature's services and provides each of {@link #services()}. */
    void install(FeatureContext ctx);
}
