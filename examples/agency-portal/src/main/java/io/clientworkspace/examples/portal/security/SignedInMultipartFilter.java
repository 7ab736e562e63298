package io.clientworkspace.examples.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Multipart bodies of the web pages are parsed only for signed-in users. The servlet container parses
 * (and spools to disk, up to {@code spring.servlet.multipart.max-request-size}) a multipart body the first
 * time anything asks for a request parameter, and on the web pages that is Spring Security itself, before
 * it knows who is calling: the CSRF filter reads {@code _csrf}, form login reads {@code username}. So
 * this filter runs before Spring Security and answers 403, without reading the body, to any multipart
 * request whose session holds no signed-in user: {@code POST /login} or the invitation sign-up with a
 * 200 MB file costs nothing.
 *
 * <p>The REST API under {@code /api} is left alone: its chain reads no parameter before HTTP Basic has
 * authenticated the call, and Spring MVC parses the body only after that.
 */
public final class SignedInMultipartFilter extends OncePerRequestFilter {

    private final SecurityContextRepository contexts;
    private final String apiPrefix;

    /**
     * @param contexts  where the web chain keeps the signed-in user
     * @param apiPrefix the REST API's path prefix (e.g. {@code /api/}), whose requests pass
     */
    public SignedInMultipartFilter(SecurityContextRepository contexts, String apiPrefix) {
        this.contexts = contexts;
        this.apiPrefix = apiPrefix;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMultipart(request) || request.getRequestURI().startsWith(request.getContextPath() + apiPrefix)
                || signedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        // The body stays unread: the connection is closed rather than drained.
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("Sign in before sending files.\n");
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private boolean signedIn(HttpServletRequest request) {
        if (!contexts.containsContext(request)) {
            return false;
        }
        SecurityContext context = contexts.loadDeferredContext(request).get();
        Authentication authentication = context.getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
