package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.DashboardApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of the operator dashboard (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class DashboardApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DashboardApiController workspaceDashboardApiController(WorkspaceKit kit) {
        return new DashboardApiController(kit);
    }
}
