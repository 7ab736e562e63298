package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.TaskApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of task lists and tasks (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class TaskApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TaskApiController workspaceTaskApiController(WorkspaceKit kit) {
        return new TaskApiController(kit);
    }
}
