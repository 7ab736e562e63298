package io.clientworkspace.spring.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static java.util.Objects.requireNonNull;

/**
 * The kit's endpoints that answer without a signed-in user, as one request matcher for the host's security chain.
 * Today that is exactly {@code GET {servlet-path}{base-path}/calendar-feeds/*.ics}, the public calendar feed a
 * calendar application polls with a feed token (the token is the credential). A host permits it with
 * <pre>{@code http.authorizeHttpRequests(r -> r.requestMatchers(publicEndpoints.requestMatcher()).permitAll() ...)}</pre>
 * Nothing else is matched: another method, a deeper or shallower path, or another suffix still needs a user. The
 * starter's security auto-configuration provides the bean (base path from {@code client-workspace.rest.base-path},
 * servlet path from {@code spring.mvc.servlet.path}).
 */
public final class PublicEndpoints {

    private final String calendarFeedPattern;
    private final RequestMatcher matcher;

    /**
     * @param servletPath the dispatcher servlet's path ({@code spring.mvc.servlet.path}), empty for the root
     * @param basePath    the REST base path ({@code client-workspace.rest.base-path}, e.g. {@code /api})
     */
    public PublicEndpoints(String servletPath, String basePath) {
        String servlet = requireNonNull(servletPath, "servletPath must not be null").strip().replaceAll("/+$", "");
        String base = requireNonNull(basePath, "basePath must not be null").strip().replaceAll("/+$", "");
        this.calendarFeedPattern = base + "/calendar-feeds/*.ics";
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        if (!servlet.isEmpty()) {
            builder = builder.basePath(servlet);
        }
        this.matcher = builder.matcher(HttpMethod.GET, calendarFeedPattern);
    }

    /** Matches every public endpoint of the kit, and nothing else. */
    public RequestMatcher requestMatcher() {
        return matcher;
    }

    /** The path pattern of the public calendar feed below the servlet path, e.g. {@code /api/calendar-feeds/*.ics}. */
    public String calendarFeedPattern() {
        return calendarFeedPattern;
    }
}
