package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.OpsApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of handoffs and the audit view (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class OpsApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpsApiController workspaceOpsApiController(WorkspaceKit kit) {
        return new OpsApiController(kit);
    }
}
