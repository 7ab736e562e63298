package io.clientworkspace.examples.portal.security;

import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.spring.security.ActorResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two filter chains: the REST API under {@code /api} with HTTP Basic, stateless and without CSRF
 * (programs send credentials on every call and hold no cookie a browser could be tricked into
 * sending); and the web pages with form login, a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/favicon.svg", "/invitations/accept",
                                "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /** Where the web chain keeps the signed-in user; the invitation page signs new users in through it too. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
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
    ActorResolver portalActorResolver(PortalTenant tenant) {
        return new PortalActorResolver(tenant);
    }
}
