package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.spring.web.InboundReplyApiController;
import io.clientworkspace.spring.web.ReplyTokenApiController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The REST API of reply by e-mail (imported by {@link WorkspaceRestAutoConfiguration}): reply tokens of a
 * conversation, and the inbound endpoint for the host's mail pipeline (off until
 * {@code client-workspace.replies.inbound-secret} is set).
 */
@Configuration(proxyBeanMethods = false)
class ReplyApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReplyTokenApiController workspaceReplyTokenApiController(WorkspaceKit kit, WorkspaceProperties properties) {
        return new ReplyTokenApiController(kit, properties.getReplies().getAddressPrefix(),
                properties.getReplies().getAddressDomain());
    }

    @Bean
    @ConditionalOnMissingBean
    InboundReplyApiController workspaceInboundReplyApiController(WorkspaceKit kit, WorkspaceProperties properties) {
        String tenant = properties.getSecurity().getDefaultTenantId().strip();
        return new InboundReplyApiController(kit, properties.getReplies().getInboundSecret(),
                tenant.isEmpty() ? Optional.empty() : Optional.of(TenantId.of(tenant)));
    }
}
