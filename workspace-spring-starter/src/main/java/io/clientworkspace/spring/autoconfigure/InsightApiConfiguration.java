package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.web.ClientVisitInterceptor;
import io.clientworkspace.spring.web.InsightApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API of engagement insights, and the recording of client visits by the API (imported by
 * {@link WorkspaceRestAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class InsightApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InsightApiController workspaceInsightApiController(WorkspaceKit kit) {
        return new InsightApiController(kit);
    }

    /**
     * Records the visits of signed-in client users to workspaces through the API (see {@link ClientVisitInterceptor});
     * {@code client-workspace.insights.record-visits=false} turns it off.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "client-workspace.insights", name = "record-visits", havingValue = "true",
            matchIfMissing = true)
    ClientVisitInterceptor workspaceClientVisitInterceptor(WorkspaceKit kit, ActorResolver actors) {
        return new ClientVisitInterceptor(kit, actors);
    }

    @Bean
    @ConditionalOnProperty(prefix = "client-workspace.insights", name = "record-visits", havingValue = "true",
            matchIfMissing = true)
    WebMvcConfigurer workspaceClientVisitConfigurer(ClientVisitInterceptor interceptor, WorkspaceProperties properties) {
        String base = properties.getRest().getBasePath().replaceAll("/+$", "");
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns(base + "/workspaces/*", base + "/workspaces/*/**");
            }
        };
    }
}
