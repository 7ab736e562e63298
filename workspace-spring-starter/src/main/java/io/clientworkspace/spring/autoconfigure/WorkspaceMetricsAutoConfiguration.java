package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.InsightGauges;
import io.clientworkspace.spring.WorkspaceMetrics;
import io.clientworkspace.spring.WorkspaceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Micrometer meters for the kit, see {@link WorkspaceMetrics} and {@link InsightGauges}. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class WorkspaceMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkspaceMetrics workspaceMetrics(MeterRegistry registry) {
        return new WorkspaceMetrics(registry);
    }

    /**
     * The per-tenant gauges of insights and the dashboard (see {@link InsightGauges});
     * {@code client-workspace.insights.gauges=false} turns them off.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "client-workspace.insights", name = "gauges", havingValue = "true", matchIfMissing = true)
    InsightGauges workspaceInsightGauges(Stores stores, WorkspaceProperties properties, ObjectProvider<Clock> clock) {
        return new InsightGauges(stores, clock.getIfAvailable(Clock::systemUTC), properties.getInsights().getGaugeRefresh());
    }
}
