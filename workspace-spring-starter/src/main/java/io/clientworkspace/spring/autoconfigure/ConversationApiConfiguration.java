package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.ConversationApiController;
import io.clientworkspace.spring.web.ConversationEventsController;
import io.clientworkspace.spring.web.ConversationLiveUpdates;
import io.clientworkspace.spring.web.ConversationProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API of conversations, their live updates (server-sent events, unless
 * {@code client-workspace.rest.live-updates.enabled=false}) and the problems only they raise (imported by
 * {@link WorkspaceRestAutoConfiguration}). Like every feature's API it is always mapped: a store set without the
 * conversation stores answers 501 {@code feature-unavailable}.
 */
@Configuration(proxyBeanMethods = false)
class ConversationApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConversationApiController workspaceConversationApiController(WorkspaceKit kit) {
        return new ConversationApiController(kit);
    }

    @Bean
    @ConditionalOnMissingBean
    ConversationProblemDetailsAdvice workspaceConversationProblemDetailsAdvice() {
        return new ConversationProblemDetailsAdvice();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "client-workspace.rest.live-updates", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class LiveUpdates {

        /** A {@code DomainEventListener}: the kit takes it when built, so it looks the kit up only when first needed. */
        @Bean
        @ConditionalOnMissingBean
        ConversationLiveUpdates workspaceConversationLiveUpdates(ObjectProvider<WorkspaceKit> kit,
                                                                 WorkspaceProperties properties) {
            WorkspaceProperties.Rest.LiveUpdates live = properties.getRest().getLiveUpdates();
            try {
                return new ConversationLiveUpdates(kit::getObject, new ConversationLiveUpdates.Settings(
                        live.getTimeout(), live.getHeartbeatInterval(), live.getMaxSubscribersPerUser(),
                        live.getMaxSubscribers(), live.getOutboxCapacity(), live.getSenderThreads()));
            } catch (IllegalArgumentException e) {
                throw new io.clientworkspace.spring.WorkspaceConfigurationException(
                        "The client-workspace.rest.live-updates.* properties are not valid: " + e.getMessage(),
                        "Set client-workspace.rest.live-updates.timeout to a positive duration and max-subscribers,"
                        + " max-subscribers-per-user, outbox-capacity and sender-threads to at least 1", e);
            }
        }

        @Bean
        @ConditionalOnMissingBean
        ConversationEventsController workspaceConversationEventsController(WorkspaceKit kit,
                                                                           ConversationLiveUpdates updates) {
            return new ConversationEventsController(kit, updates);
        }
    }
}
