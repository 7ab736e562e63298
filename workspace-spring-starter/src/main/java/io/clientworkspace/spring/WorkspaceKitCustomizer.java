package io.clientworkspace.spring;

import io.clientworkspace.WorkspaceKit;

/**
 * Adjusts the {@link WorkspaceKit.Builder} the starter fills from beans and properties, just before the kit
 * is built: declare one or more as beans (they run in {@link org.springframework.core.annotation.Order order}).
 * For what the properties and beans do not cover, e.g. a download policy that needs the kit's own services:
 *
 * <pre>{@code
 * @Bean
 * WorkspaceKitCustomizer approvedVersionsOnly() {
 *     return builder -> builder.downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals()));
 * }
 * }</pre>
 *
 * <p>Not used when the host declares its own {@code WorkspaceKit} bean.
 */
@FunctionalInterface
public interface WorkspaceKitCustomizer {

    /** Changes {@code builder} in place. */
    void customize(WorkspaceKit.Builder builder);
}
