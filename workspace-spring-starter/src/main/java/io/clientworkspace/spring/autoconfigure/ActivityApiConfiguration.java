package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ActivityApiController;
import io.clientworkspace.spring.web.CheckpointApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of the activity log and its signed checkpoints (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ActivityApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ActivityApiController workspaceActivityApiController(WorkspaceKit kit) {
        return new ActivityApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointApiController workspaceCheckpointApiController(WorkspaceKit kit) {
        return new CheckpointApiController(kit);
    }
}
