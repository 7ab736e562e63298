package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.FormApiController;
import io.clientworkspace.spring.web.FormAssignmentApiController;
import io.clientworkspace.spring.web.RequestApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of requests and forms: form definitions, requests with the team inbox, and form assignments
 * (imported by {@link WorkspaceRestAutoConfiguration}). Like every feature's API it is always registered; with a
 * store set that lacks the feature's stores its endpoints answer 501 {@code feature-unavailable}.
 */
@Configuration(proxyBeanMethods = false)
class RequestApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FormApiController workspaceFormApiController(WorkspaceKit kit) {
        return new FormApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestApiController workspaceRequestApiController(WorkspaceKit kit) {
        return new RequestApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    FormAssignmentApiController workspaceFormAssignmentApiController(WorkspaceKit kit) {
        return new FormAssignmentApiController(kit);
    }
}
