package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.TenantId;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.security.DefaultActorResolver;
import io.clientworkspace.spring.security.PublicEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * The Spring Security bridge: a {@link DefaultActorResolver} unless the host declares its own {@link ActorResolver},
 * and the {@link PublicEndpoints} matcher of the kit's endpoints that answer without a user.
 */
@AutoConfiguration
@ConditionalOnClass(Authentication.class)
@EnableConfigurationProperties(WorkspaceProperties.class)
public class WorkspaceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ActorResolver workspaceActorResolver(WorkspaceProperties properties) {
        WorkspaceProperties.Security security = properties.getSecurity();
        Optional<TenantId> defaultTenant = security.getDefaultTenantId().isBlank()
                ? Optional.empty() : Optional.of(TenantId.of(security.getDefaultTenantId().strip()));
        return new DefaultActorResolver(security.getTenantAuthorityPrefix(), security.getTeamAuthority(), defaultTenant);
    }

    /**
     * The kit's endpoints that need no signed-in user (the public calendar feed), as a request matcher the host's
     * security chain permits; see {@link PublicEndpoints}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher")
    static class PublicEndpointsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PublicEndpoints workspacePublicEndpoints(WorkspaceProperties properties, Environment environment) {
            return new PublicEndpoints(environment.getProperty("spring.mvc.servlet.path", ""),
                    properties.getRest().getBasePath());
        }
    }
}
