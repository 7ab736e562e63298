package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.TemplateApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of workspace templates (imported by {@link WorkspaceRestAutoConfiguration}): the tenant's template
 * library, creating a workspace from a template, and a workspace's origin. With a store set that lacks the
 * template stores its endpoints answer 501 {@code feature-unavailable}.
 */
@Configuration(proxyBeanMethods = false)
class TemplateApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TemplateApiController workspaceTemplateApiController(WorkspaceKit kit, WorkspaceProperties properties) {
        return new TemplateApiController(kit, properties.getRest().getBasePath());
    }
}
