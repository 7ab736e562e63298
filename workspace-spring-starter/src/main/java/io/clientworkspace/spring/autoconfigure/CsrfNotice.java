package io.clientworkspace.spring.autoconfigure;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * At start-up, warns once when Spring Security's CSRF protection covers the kit's REST API: the first security
 * filter chain that serves {@code POST {base}/workspaces} has a {@link CsrfFilter} that requires a token for it.
 * Then every unsafe call to the API without a CSRF token is refused by Spring Security before it reaches the kit,
 * with a bare 401 or 403 (no problem body), which looks like a broken API rather than a missing token. The warning
 * names both fixes: exempt the API ({@code http.csrf(c -> c.ignoringRequestMatchers("/api/**"))}), which is safe
 * while the kit's own cross-site protection ({@code client-workspace.rest.cross-site-protection}, on by default)
 * guards it, or send the CSRF token from the host's pages.
 *
 * <p>It only reads the host's configuration: the kit installs no handler of its own on the host's chains (a CSRF
 * refusal stays the host's answer). It reads the chains from the {@link FilterChainProxy} (else the
 * {@link SecurityFilterChain} beans, in their order) and asks their request matchers about a synthetic request; a
 * chain it cannot inspect is skipped silently, so the check never fails a start.
 */
final class CsrfNotice implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CsrfNotice.class);

    private final ObjectProvider<FilterChainProxy> proxies;
    private final ObjectProvider<SecurityFilterChain> chains;
    private final String servletPath;
    private final String basePath;
    private final boolean crossSiteProtection;

    /**
     * @param servletPath         the dispatcher servlet's path ({@code spring.mvc.servlet.path}; empty for {@code /})
     * @param basePath            the API's base path ({@code client-workspace.rest.base-path}, e.g. {@code /api})
     * @param crossSiteProtection whether the kit's cross-site protection guards the API
     */
    CsrfNotice(ObjectProvider<FilterChainProxy> proxies, ObjectProvider<SecurityFilterChain> chains, String servletPath,
               String basePath, boolean crossSiteProtection) {
        this.proxies = requireNonNull(proxies, "proxies must not be null");
        this.chains = requireNonNull(chains, "chains must not be null");
        this.servletPath = requireNonNull(servletPath, "servletPath must not be null").replaceAll("/+$", "");
        this.basePath = requireNonNull(basePath, "basePath must not be null").replaceAll("/+$", "");
        this.crossSiteProtection = crossSiteProtection;
    }

    @Override
    public void afterSingletonsInstantiated() {
        warning().ifPresent(log::warn);
    }

    /** The warning, when the CSRF protection of the chain that serves the API covers a POST to it. */
    Optional<String> warning() {
        HttpServletRequest post = request("POST", servletPath, basePath + "/workspaces");
        for (SecurityFilterChain chain : filterChains()) {
            try {
                if (!chain.matches(post)) {
                    continue;
                }
                // The first matching chain is the one Spring Security runs for the request.
                return chain.getFilters().stream().filter(CsrfFilter.class::isInstance).map(CsrfFilter.class::cast)
                        .findFirst().filter(csrf -> requiresToken(csrf, post)).map(csrf -> message());
            } catch (RuntimeException e) {
                log.debug("Could not inspect the security filter chain {} for CSRF protection", chain, e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<SecurityFilterChain> filterChains() {
        FilterChainProxy proxy = proxies.getIfUnique();
        return proxy != null ? proxy.getFilterChains() : chains.orderedStream().toList();
    }

    private static boolean requiresToken(CsrfFilter filter, HttpServletRequest request) {
        @Nullable Field field = ReflectionUtils.findField(CsrfFilter.class, "requireCsrfProtectionMatcher");
        RequestMatcher matcher = CsrfFilter.DEFAULT_CSRF_MATCHER;
        if (field != null) {
            ReflectionUtils.makeAccessible(field);
            if (ReflectionUtils.getField(field, filter) instanceof RequestMatcher configured) {
                matcher = configured;
            }
        }
        return matcher.matches(request);
    }

    private String message() {
        String pattern = servletPath + basePath + "/**";
        String fix = crossSiteProtection
                ? "Exempt the API from CSRF in your security configuration, http.csrf(c -> c.ignoringRequestMatchers(\""
                + pattern + "\")): the kit refuses cross-site calls to it itself (client-workspace.rest.cross-site-protection"
                + " is on). Or send the CSRF token with every unsafe call from your pages (header X-CSRF-TOKEN)."
                : "Send the CSRF token with every unsafe call from your pages (header X-CSRF-TOKEN). Exempting the API"
                + " (http.csrf(c -> c.ignoringRequestMatchers(\"" + pattern + "\"))) is safe only with the kit's"
                + " cross-site protection on (client-workspace.rest.cross-site-protection=true; it is off) or with"
                + " credentials a browser never sends on its own (a bearer token).";
        return "Spring Security's CSRF protection covers the Client Workspace Kit's REST API (" + pattern + "): every"
                + " POST, PUT, PATCH and DELETE without a CSRF token is refused before it reaches the kit, with a bare"
                + " 401 or 403. " + fix;
    }

    /**
     * A request for the chains' matchers: method and path (below the dispatcher servlet's path, mapped as Spring
     * MVC's dispatcher servlet is), no headers, no session. Methods a matcher may call that a synthetic request
     * cannot answer return null, false or 0.
     */
    static HttpServletRequest request(String method, String servletPath, String path) {
        Map<String, Object> attributes = new HashMap<>();
        boolean root = servletPath.isEmpty();
        String uri = servletPath + path;
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return root ? "" : path.substring(1);
            }

            @Override
            public String getPattern() {
                return root ? "/" : servletPath + "/*";
            }

            @Override
            public String getServletName() {
                return "dispatcherServlet";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return root ? MappingMatch.DEFAULT : MappingMatch.PATH;
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(CsrfNotice.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (self, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getServletPath" -> root ? path : servletPath;
                    case "getPathInfo" -> root ? null : path;
                    case "getHttpServletMapping" -> mapping;
                    case "getRequestURL" -> new StringBuffer("http://localhost" + uri);
                    case "getContextPath" -> "";
                    case "getScheme" -> "http";
                    case "getServerName", "getLocalName" -> "localhost";
                    case "getServerPort", "getLocalPort" -> 80;
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                    case "getHeaders", "getHeaderNames", "getParameterNames", "getLocales" -> Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "getIntHeader" -> -1;
                    case "getDateHeader", "getContentLengthLong" -> -1L;
                    case "getContentLength" -> -1;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> method + " " + uri + " (CSRF start-up check)";
                    default -> nothing(m.getReturnType());
                });
    }

    private static @Nullable Object nothing(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
