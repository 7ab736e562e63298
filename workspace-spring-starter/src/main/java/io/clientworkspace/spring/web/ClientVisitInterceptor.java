package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.security.ActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Records a client's visit to a workspace ({@code kit.insights().recordVisit}) after each request of a signed-in
 * CLIENT user to a workspace's endpoints ({@code <base>/workspaces/{id}} and everything below it) that succeeded
 * (status below 400). Team users, anonymous requests, refused and failed requests record nothing. The kit
 * deduplicates per user, workspace and UTC day and ignores workspaces the client may not see, so calling it on every
 * request is cheap; a failure to record is logged and never changes the response. Registered by the starter unless
 * {@code client-workspace.insights.record-visits=false}.
 */
public final class ClientVisitInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ClientVisitInterceptor.class);

    private final WorkspaceKit kit;
    private final ActorResolver actors;

    public ClientVisitInterceptor(WorkspaceKit kit, ActorResolver actors) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.actors = requireNonNull(actors, "actors must not be null");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (ex != null || response.getStatus() >= 400) {
            return;
        }
        Optional<String> workspace = workspaceOf(request);
        if (workspace.isEmpty()) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !ActorResolver.isSignedIn(authentication)) {
            return;
        }
        try {
            Optional<Actor> actor = actors.resolve(authentication);
            if (actor.isPresent() && !actor.get().isTeam()) {
                kit.insights().recordVisit(actor.get(), WorkspaceId.of(workspace.get()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not record a client visit to workspace {}; the request was answered normally",
                    workspace.get(), e);
        }
    }

    /** The workspace id of the path ({@code {workspaceId}} or, for the workspace itself, {@code {id}}). */
    private static Optional<String> workspaceOf(HttpServletRequest request) {
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(attribute instanceof Map<?, ?> variables)) {
            return Optional.empty();
        }
        Object id = variables.containsKey("workspaceId") ? variables.get("workspaceId") : variables.get("id");
        return id instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
