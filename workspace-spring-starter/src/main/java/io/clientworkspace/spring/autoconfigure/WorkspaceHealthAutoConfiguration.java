package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spi.Stores;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/**
 * An Actuator health indicator named {@code workspaceStores}: UP when the stores answer a trivial read,
 * DOWN with the error otherwise.
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
}
