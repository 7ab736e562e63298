package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.InvitationApiController;
import io.clientworkspace.spring.web.MemberApiController;
import io.clientworkspace.spring.web.WorkspaceApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of workspaces, their members and invitations (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkspaceApiController workspaceApiController(WorkspaceKit kit, WorkspaceProperties properties) {
        return new WorkspaceApiController(kit, properties.getRest().getBasePath());
    }

    @Bean
    @ConditionalOnMissingBean
    MemberApiController workspaceMemberApiController(WorkspaceKit kit) {
        return new MemberApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    InvitationApiController workspaceInvitationApiController(WorkspaceKit kit) {
        return new InvitationApiController(kit);
    }
}
