package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.BlobStoreHealthIndicator;
import io.clientworkspace.spring.WorkspaceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/**
 * Actuator health indicators: {@code workspaceStores}, UP when the stores answer a trivial read, DOWN
 * with the error otherwise; and {@code workspaceBlobStore} for the kit's blob store (see
 * {@link BlobStoreHealthIndicator}: a writable root with at least {@code client-workspace.files.min-free-space}).
 */
@AutoConfiguration(after = WorkspaceAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Stores.class)
public class WorkspaceHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "workspaceStoresHealthIndicator")
    HealthIndicator workspaceStoresHealthIndicator(Stores stores) {
        return () -> {
            try {
                stores.tenants().list(Optional.empty(), 1);
                return Health.up().withDetail("stores", stores.tenants().getClass().getSimpleName())
                        .withDetail("outbox", stores.outbox().isPresent()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "workspaceBlobStoreHealthIndicator")
    @ConditionalOnBean(WorkspaceKit.class)
    HealthIndicator workspaceBlobStoreHealthIndicator(WorkspaceKit kit, WorkspaceProperties properties) {
        // The kit's own store, which is the configured BlobStore bean unless the host built the kit itself.
        return new BlobStoreHealthIndicator(kit.blobStore(), properties.getFiles().getMinFreeSpace());
    }
}
