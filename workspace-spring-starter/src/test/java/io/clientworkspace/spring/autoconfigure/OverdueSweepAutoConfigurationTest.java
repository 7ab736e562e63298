package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spring.OverdueSweep;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The overdue sweep job: on by default, switched off by a zero interval, a bad batch fails the start. */
class OverdueSweepAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL).withPropertyValues("client-workspace.store=memory");

    @Test
    void theOverdueSweepRunsByDefault() {
        runner.run(context -> assertThat(context.getBean(OverdueSweep.class).isRunning()).isTrue());
    }

    @Test
    void aZeroIntervalSwitchesTheOverdueSweepOff() {
        runner.withPropertyValues("client-workspace.projects.overdue-sweep-interval=0s")
                .run(context -> assertThat(context.getBean(OverdueSweep.class).isRunning()).isFalse());
    }

    @Test
    void aBatchOutOfBoundsFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.projects.overdue-sweep-batch=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("client-workspace.projects.overdue-sweep-batch");
        });
    }
}
