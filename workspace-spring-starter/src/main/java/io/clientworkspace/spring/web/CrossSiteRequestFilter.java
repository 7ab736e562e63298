package io.clientworkspace.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Refuses unsafe calls to the REST API (POST, PUT, PATCH, DELETE) that a browser sends on behalf of a
 * page of another site, before anything reads the body or checks credentials: whatever credentials a
 * browser attaches by itself (cookies, cached HTTP Basic) then cannot be used by another site's form or
 * script. A refusal is a 403 problem with type {@code urn:client-workspace:problem:cross-site-request}.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>{@code Sec-Fetch-Site: same-origin} or {@code none} (typed or bookmarked by the user): allowed;</li>
 *   <li>an {@code Origin} header: allowed when it is the request's own {@code scheme://host:port} or one
 *       of the allowed origins, refused otherwise (also {@code Origin: null});</li>
 *   <li>{@code Sec-Fetch-Site: cross-site} or {@code same-site} without an Origin: refused. Same-site is
 *       refused too: a sibling subdomain is another origin, possibly serving other people's content;
 *       list it among the allowed origins to admit it;</li>
 *   <li>neither header (curl, server-to-server clients, old browsers' same-origin form posts): allowed.</li>
 * </ol>
 * Safe methods (GET, HEAD, OPTIONS, TRACE) always pass: they change nothing, and a cross-site page cannot
 * read their answers without CORS.
 */
public final class CrossSiteRequestFilter extends OncePerRequestFilter {

    /** The problem type of a refused call. */
    public static final String PROBLEM_TYPE = ProblemDetailsAdvice.TYPE_PREFIX + "cross-site-request";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;

    /**
     * @param allowedOrigins origins ({@code scheme://host[:port]}) besides the request's own whose pages may
     *                       make unsafe calls; compared case-insensitively, default ports may be left out
     */
    public CrossSiteRequestFilter(Collection<String> allowedOrigins) {
        requireNonNull(allowedOrigins, "allowedOrigins must not be null");
        this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequestFilter::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response);
    }

    private boolean allowed(HttpServletRequest request) {
        String fetchSite = lower(request.getHeader("Sec-Fetch-Site"));
        if ("same-origin".equals(fetchSite) || "none".equals(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String normalized = normalize(origin);
            return normalized.equals(ownOrigin(request)) || allowedOrigins.contains(normalized);
        }
        return !"cross-site".equals(fetchSite) && !"same-site".equals(fetchSite);
    }

    private static @Nullable String lower(@Nullable String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalize(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** {@code scheme://host:port} in lower case with the default port left out; "null" and junk stay as they are. */
    static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                    || ("https".equals(uri.getScheme()) && port == 443);
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = HttpStatus.FORBIDDEN;
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + PROBLEM_TYPE + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + "A page of another site may not change"
                + " anything through this API: the call came from an origin this API does not allow"
                + " (client-workspace.rest.allowed-origins)\",\"instance\":" + json(request.getRequestURI())
                + ",\"code\":\"cross-site-request\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
