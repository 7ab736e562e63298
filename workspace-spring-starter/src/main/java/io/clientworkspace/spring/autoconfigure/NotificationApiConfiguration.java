package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.NotificationPreferencesApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of notification preferences (imported by {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NotificationPreferencesApiController workspaceNotificationPreferencesApiController(WorkspaceKit kit) {
        return new NotificationPreferencesApiController(kit);
    }
}
