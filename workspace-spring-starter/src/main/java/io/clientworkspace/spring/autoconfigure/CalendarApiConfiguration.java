package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.CalendarApiController;
import io.clientworkspace.spring.web.CalendarFeedApiController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/**
 * The REST API of the workspace calendar (imported by {@link WorkspaceRestAutoConfiguration}): events, agenda, the
 * caller's feed and feed tokens, and the public feed by token (whose path the host's security chain permits with
 * the {@link io.clientworkspace.spring.security.PublicEndpoints} matcher). With a store set that lacks the calendar
 * stores its endpoints answer 501 {@code feature-unavailable}.
 */
@Configuration(proxyBeanMethods = false)
class CalendarApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CalendarApiController workspaceCalendarApiController(WorkspaceKit kit, WorkspaceProperties properties,
                                                         ObjectProvider<Clock> clock) {
        return new CalendarApiController(kit, clock.getIfAvailable(Clock::systemUTC),
                properties.getRest().getBasePath(), defaultTenant(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    CalendarFeedApiController workspaceCalendarFeedApiController(WorkspaceKit kit, WorkspaceProperties properties) {
        return new CalendarFeedApiController(kit, defaultTenant(properties));
    }

    private static Optional<TenantId> defaultTenant(WorkspaceProperties properties) {
        String tenant = properties.getSecurity().getDefaultTenantId().strip();
        return tenant.isEmpty() ? Optional.empty() : Optional.of(TenantId.of(tenant));
    }
}
