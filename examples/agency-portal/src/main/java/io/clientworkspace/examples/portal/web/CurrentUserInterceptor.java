package io.clientworkspace.examples.portal.web;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.examples.portal.web.Views.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes the signed-in user and the agency's name available to every page, error pages included, as
 * request attributes (which templates read like model attributes; a controller advice's model would
 * not reach the views of exception handlers).
 */
@Configuration(proxyBeanMethods = false)
public class CurrentUserInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/v3/api-docs/**", "/css/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("agencyName", PortalTenant.NAME);
        request.setAttribute("currentUser", currentUser());
        return true;
    }

    private static @Nullable CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        boolean team = authentication.getAuthorities().stream().anyMatch(a -> PortalUsers.TEAM.equals(a.getAuthority()));
        return new CurrentUser(authentication.getName(), team);
    }
}
