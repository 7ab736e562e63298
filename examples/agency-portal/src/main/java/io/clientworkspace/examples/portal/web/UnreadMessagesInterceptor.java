package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.workspace.Workspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.Optional;

/**
 * Puts the signed-in user's unread message count across all their workspaces into every page's header
 * (request attributes {@code unreadMessages} and {@code unreadMessagesLink}): one
 * {@code kit.conversations().unreadAcrossWorkspaces} call per page. The link leads to the Messages tab of a
 * workspace with unread messages when it is the only one, else to the overview.
 */
@Configuration(proxyBeanMethods = false)
public class UnreadMessagesInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UnreadMessagesInterceptor.class);

    private final WorkspaceKit kit;
    private final ActorResolver actors;

    public UnreadMessagesInterceptor(WorkspaceKit kit, ActorResolver actors) {
        this.kit = kit;
        this.actors = actors;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/v3/api-docs/**", "/css/**", "/js/**",
                "/favicon.svg", "/workspaces/*/messages/*/new", "/workspaces/*/files/*/download");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        Optional<Actor> actor = actors.resolve(authentication);
        if (actor.isEmpty()) {
            return true;
        }
        try {
            Map<WorkspaceId, Long> unread = kit.conversations().unreadAcrossWorkspaces(actor.get());
            long total = unread.values().stream().mapToLong(Long::longValue).sum();
            request.setAttribute("unreadMessages", total);
            request.setAttribute("unreadMessagesLink", link(actor.get(), unread));
        } catch (RuntimeException e) {
            // The header's count is a convenience: a page never fails because of it.
            log.warn("Could not count unread messages: {}", e.toString());
        }
        return true;
    }

    private String link(Actor actor, Map<WorkspaceId, Long> unread) {
        var withUnread = unread.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (withUnread.size() == 1) {
            return kit.workspaces().find(actor, withUnread.get(0)).map(Workspace::slug)
                    .map(slug -> "/workspaces/" + slug + "/messages").orElse("/workspaces");
        }
        return "/workspaces";
    }
}
