package io.clientworkspace.examples.portal.security;

import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.spring.security.ActorResolver;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Two filter chains: the REST API under {@code /api} with HTTP Basic, stateless and without CSRF
 * (programs send credentials on every call and hold no cookie a browser could be tricked into
 * sending); and the web pages with form login, a session and CSRF protection.
 *
 * <p>The API never challenges for HTTP Basic ({@code WWW-Authenticate: Basic}): a browser that answered
 * such a prompt once would attach the credentials to any other site's form posts to the API. Programs
 * send {@code Authorization: Basic} up front ({@code curl -u alice:demo}); a call without credentials
 * gets a 401 problem whose challenge names the scheme {@code Portal}, which no browser prompts for.
 *
 * <p>Every response carries {@code Referrer-Policy: no-referrer} (an invitation's token is in its URL)
 * and a strict Content-Security-Policy: scripts, styles, images and forms only from the portal itself,
 * no plugins, no {@code <base>}, never framed. Inline style attributes stay allowed
 * ({@code style-src-attr}): the pages set each workspace's accent colour, a validated {@code #RRGGBB},
 * that way; inline scripts are not.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** The Content-Security-Policy of every response. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The challenge of a 401 from the API: not Basic, so that no browser prompts and caches credentials. */
    public static final String API_CHALLENGE = "Portal realm=\"Northwind API\"";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint noBrowserPrompt = (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", API_CHALLENGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"urn:client-workspace:problem:unauthenticated\","
                    + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Send the credentials of a portal user"
                    + " with every call: Authorization: Basic (e.g. curl -u name:password)\","
                    + "\"code\":\"unauthenticated\"}");
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(noBrowserPrompt))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(noBrowserPrompt))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfig::strictHeaders)
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityContextRepository contexts,
                                    CsrfTokenRepository csrfTokens) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/invitations/accept",
                                "/v3/api-docs", "/v3/api-docs/**", "/error", "/calendar-feeds/**").permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .headers(SecurityConfig::strictHeaders)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /** Where the web chain keeps the signed-in user; the invitation page signs new users in through it too. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** The web chain's CSRF tokens, shared with the invitation page's sign-in so that it can renew them. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    /**
     * What the invitation page does when it signs a new user in, as form login does: a new session id
     * (no session fixation) and a new CSRF token (the one handed out before sign-in is dead).
     */
    @Bean
    SessionAuthenticationStrategy portalSignInStrategy(CsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(csrfTokens)));
    }

    /** Multipart bodies of the web pages are parsed only for signed-in users (see {@link SignedInMultipartFilter}). */
    @Bean
    FilterRegistrationBean<SignedInMultipartFilter> signedInMultipartFilter(SecurityContextRepository contexts) {
        FilterRegistrationBean<SignedInMultipartFilter> registration = new FilterRegistrationBean<>(
                new SignedInMultipartFilter(contexts, "/api/"));
        // Before Spring Security (order -100), whose CSRF filter would parse the body to find _csrf.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PortalUsers portalUsers(PasswordEncoder passwordEncoder) {
        return new PortalUsers(passwordEncoder);
    }

    @Bean
    UserDetailsService userDetailsService(PortalUsers users) {
        return users.userDetailsManager();
    }

    @Bean
    ActorResolver portalActorResolver(PortalTenant tenant, PortalUsers users) {
        return new PortalActorResolver(tenant, users);
    }
}
