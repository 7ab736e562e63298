package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ProjectApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of projects, milestones, status updates and onboarding (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProjectApiController workspaceProjectApiController(WorkspaceKit kit) {
        return new ProjectApiController(kit);
    }
}
