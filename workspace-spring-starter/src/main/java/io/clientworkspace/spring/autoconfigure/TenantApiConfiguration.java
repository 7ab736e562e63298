package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.PermissionMatrixApiController;
import io.clientworkspace.spring.web.TenantApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of the caller's tenant, its team roster and its permission matrix (imported by
 * {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class TenantApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantApiController workspaceTenantApiController(WorkspaceKit kit) {
        return new TenantApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionMatrixApiController workspacePermissionMatrixApiController(WorkspaceKit kit) {
        return new PermissionMatrixApiController(kit);
    }
}
