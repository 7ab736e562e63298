package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ClientRoleApiController;
import io.clientworkspace.spring.web.LinkedRecordApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of the host's linked records and of custom client roles (imported by
 * {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RecordApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LinkedRecordApiController workspaceLinkedRecordApiController(WorkspaceKit kit) {
        return new LinkedRecordApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    ClientRoleApiController workspaceClientRoleApiController(WorkspaceKit kit) {
        return new ClientRoleApiController(kit);
    }
}
