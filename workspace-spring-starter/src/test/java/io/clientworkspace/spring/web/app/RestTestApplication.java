package io.clientworkspace.spring.web.app;

import io.clientworkspace.spring.security.PublicEndpoints;
import io.clientworkspace.tenant.UserDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The smallest host a developer would write: the starter on the class path, HTTP Basic over in-memory
 * users, in-memory workspace stores ({@code client-workspace.store=memory}, set by the tests). Users are added
 * by the tests once they know their tenant's id, with the authorities {@code DefaultActorResolver}
 * reads: {@code TENANT_<tenantId>} and, for team users, {@code ROLE_WORKSPACE_TEAM}.
 */
@SpringBootApplication(excludeName = {
        // No database: the REST tests run on the in-memory stores, and start faster without these.
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
public class RestTestApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, PublicEndpoints publicEndpoints) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // The host's mail pipeline calls the inbound reply endpoint with a shared secret, no user.
                        .requestMatchers("/api/inbound/replies").permitAll()
                        // Calendar applications poll the public feed with a feed token, no user.
                        .requestMatchers(publicEndpoints.requestMatcher()).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // A stateless Basic-auth API: no session, so no CSRF token to check.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager();
    }

    /** The kit adds a client user directly only when it is one of these users, of the same tenant. */
    @Bean
    UserDirectory userDirectory(InMemoryUserDetailsManager users) {
        return (tenant, user) -> users.userExists(user.value()) && users.loadUserByUsername(user.value())
                .getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("TENANT_" + tenant.value()));
    }
}
