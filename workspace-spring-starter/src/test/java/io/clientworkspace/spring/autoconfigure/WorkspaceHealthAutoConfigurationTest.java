package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TenantStore;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;

/** {@link WorkspaceHealthAutoConfiguration}: the {@code workspaceStores} health indicator. */
class WorkspaceHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    private static Health health(org.springframework.context.ApplicationContext context) {
        return context.getBean("workspaceStoresHealthIndicator", HealthIndicator.class).health(true);
    }

    @Test
    void theIndicatorIsUPWhenTheStoresAnswerAndNamesThem() {
        runner.run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("stores", "InMemoryTenantStore").containsEntry("outbox", false);
        });
    }

    @Test
    void theIndicatorIsDOWNWithTheErrorWhenTheStoresFail() {
        TenantStore broken = Mockito.mock(TenantStore.class);
        Mockito.when(broken.list(any(), anyInt())).thenThrow(new IllegalStateException("database is gone"));
        Stores failing = Mockito.mock(Stores.class);
        Mockito.when(failing.tenants()).thenReturn(broken);
        Mockito.when(failing.outbox()).thenReturn(Optional.empty());

        runner.withBean(Stores.class, () -> failing).withBean(WorkspaceKit.class, WorkspaceKit::inMemory).run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString().contains("database is gone");
        });
    }

    @Test
    void theIndicatorBacksOffWhenTheHostDeclaresOneOfThatName() {
        HealthIndicator own = () -> Health.unknown().build();

        runner.withBean("workspaceStoresHealthIndicator", HealthIndicator.class, () -> own).run(context ->
                assertThat(context.getBean("workspaceStoresHealthIndicator")).isSameAs(own));
    }
}
