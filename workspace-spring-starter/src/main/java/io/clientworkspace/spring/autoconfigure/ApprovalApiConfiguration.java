package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ApprovalApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of approvals (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ApprovalApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApprovalApiController workspaceApprovalApiController(WorkspaceKit kit) {
        return new ApprovalApiController(kit);
    }
}
