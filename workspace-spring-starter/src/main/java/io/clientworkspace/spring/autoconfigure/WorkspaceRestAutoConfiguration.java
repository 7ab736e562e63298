package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceMetrics;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.ActorArgumentResolver;
import io.clientworkspace.spring.web.CrossSiteRequestFilter;
import io.clientworkspace.spring.web.HostProblemDetailsAdvice;
import io.clientworkspace.spring.web.JsonBodyLimitAdvice;
import io.clientworkspace.spring.web.KitProblemDetails;
import io.clientworkspace.spring.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The REST API, on by default in servlet web applications with Spring Security
 * ({@code client-workspace.rest.enabled=false} turns it off). Controllers are registered as beans, never scanned
 * for: each feature has its own configuration holding its controllers (and the problems only it raises),
 * and the {@code @Import} list below is the one place that names them. A new feature adds its configuration
 * to that list and nothing else here.
 */
@AutoConfiguration(after = {WorkspaceAutoConfiguration.class, WorkspaceSecurityAutoConfiguration.class,
        WorkspaceMetricsAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, Authentication.class})
@ConditionalOnBean({WorkspaceKit.class, ActorResolver.class})
@ConditionalOnProperty(prefix = "client-workspace.rest", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import({WorkspaceApiConfiguration.class, ActivityApiConfiguration.class, FileApiConfiguration.class,
        ApprovalApiConfiguration.class, TenantApiConfiguration.class,
        RequestApiConfiguration.class, ReplyApiConfiguration.class, ConversationApiConfiguration.class,
        ProjectApiConfiguration.class, TaskApiConfiguration.class,
        CalendarApiConfiguration.class, TemplateApiConfiguration.class,
        RecordApiConfiguration.class, DashboardApiConfiguration.class, InsightApiConfiguration.class,
        NotificationApiConfiguration.class, OpsApiConfiguration.class})
public class WorkspaceRestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice workspaceProblemDetailsAdvice(ObjectProvider<WorkspaceMetrics> metrics) {
        return new ProblemDetailsAdvice(metrics);
    }

    /**
     * Kit exceptions thrown in the host's controllers annotated with {@link KitProblemDetails} become the kit's
     * problem details (see {@link HostProblemDetailsAdvice}).
     */
    @Bean
    @ConditionalOnMissingBean(HostProblemDetailsAdvice.class)
    @ConditionalOnProperty(prefix = "client-workspace.rest", name = "problem-details-for-host-controllers",
            havingValue = "false", matchIfMissing = true)
    HostProblemDetailsAdvice.Annotated workspaceHostProblemDetailsAdvice(ListableBeanFactory beans) {
        return new HostProblemDetailsAdvice.Annotated(beans);
    }

    /**
     * {@code client-workspace.rest.problem-details-for-host-controllers=true}: kit exceptions thrown in every
     * controller become the kit's problem details.
     */
    @Bean
    @ConditionalOnMissingBean(HostProblemDetailsAdvice.class)
    @ConditionalOnProperty(prefix = "client-workspace.rest", name = "problem-details-for-host-controllers",
            havingValue = "true")
    HostProblemDetailsAdvice.AllControllers workspaceAllControllersProblemDetailsAdvice(ListableBeanFactory beans) {
        return new HostProblemDetailsAdvice.AllControllers(beans);
    }

    /**
     * Unsafe calls under the base path that a browser marks as coming from another site are refused
     * (see {@link CrossSiteRequestFilter}); {@code client-workspace.rest.cross-site-protection=false} turns it off.
     * The filter runs first, before Spring Security and before any filter that parses a form body.
     */
    @Bean
    @ConditionalOnMissingBean(name = "workspaceCrossSiteRequestFilter")
    @ConditionalOnProperty(prefix = "client-workspace.rest", name = "cross-site-protection", havingValue = "true",
            matchIfMissing = true)
    FilterRegistrationBean<CrossSiteRequestFilter> workspaceCrossSiteRequestFilter(WorkspaceProperties properties,
                                                                                   org.springframework.core.env.Environment environment) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(
                new CrossSiteRequestFilter(properties.getRest().getAllowedOrigins()));
        // Filter patterns are matched below the context path but above the dispatcher servlet's own path: with
        // spring.mvc.servlet.path=/app the API answers at /app/api/..., so that is what the filter must cover.
        String servletPath = environment.getProperty("spring.mvc.servlet.path", "").replaceAll("/+$", "");
        String base = properties.getRest().getBasePath().replaceAll("/+$", "");
        registration.addUrlPatterns(servletPath + base + "/*");
        registration.setName("workspaceCrossSiteRequestFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** JSON request bodies of the kit's controllers are bounded by {@code client-workspace.rest.max-json-size}. */
    @Bean
    @ConditionalOnMissingBean
    JsonBodyLimitAdvice workspaceJsonBodyLimitAdvice(WorkspaceProperties properties) {
        return new JsonBodyLimitAdvice(properties.getRest().getMaxJsonSize().toBytes());
    }

    @Bean
    WebMvcConfigurer workspaceActorArgumentResolverConfigurer(ActorResolver actorResolver) {
        ActorArgumentResolver resolver = new ActorArgumentResolver(actorResolver);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }

    /**
     * Warns once at start-up when the host's Spring Security CSRF protection covers the API (see {@link CsrfNotice}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.csrf.CsrfFilter")
    static class CsrfCheck {

        @Bean
        @ConditionalOnMissingBean(name = "workspaceCsrfNotice")
        CsrfNotice workspaceCsrfNotice(ObjectProvider<org.springframework.security.web.FilterChainProxy> proxies,
                                       ObjectProvider<org.springframework.security.web.SecurityFilterChain> chains,
                                       WorkspaceProperties properties, org.springframework.core.env.Environment environment) {
            String servletPath = environment.getProperty("spring.mvc.servlet.path", "");
            return new CsrfNotice(proxies, chains, servletPath, properties.getRest().getBasePath(),
                    properties.getRest().isCrossSiteProtection());
        }
    }

    /**
     * With springdoc present: the {@link Actor} parameter of the controllers comes from the signed-in
     * user (see {@link ActorArgumentResolver}), so it must not appear in the OpenAPI document, where it
     * would show as a required {@code actor} query parameter of every operation.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class OpenApiDocumentation {

        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        }
    }
}
