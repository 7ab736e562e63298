package com.example.crm;

import io.clientworkspace.tenant.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The CRM's own security: form login for people, HTTP Basic for scripts, users in memory. The kit only reads the
 * signed-in user's authorities: {@code TENANT_acme} names the tenant, {@code ROLE_WORKSPACE_TEAM} marks team users
 * (everyone else acts as a client), and the user name is the kit's user id.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain crmSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Boot's error page must stay reachable: a request refused before sign-in (a missing CSRF
                        // token) is forwarded there, and would otherwise answer a misleading 401 instead of its 403.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/crm/customers").hasRole("CRM_STAFF")
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                // The CRM's own forms keep CSRF tokens. The kit's API under /api does not need them: its own
                // cross-site protection (client-workspace.rest.cross-site-protection, on by default) refuses unsafe
                // calls a browser marks as cross-site or sends from a foreign Origin; with Spring's CSRF on /api as
                // well, every POST of a script or SPA without the token would be refused with a bare 401/403.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager crmUsers() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password(encoder.encode("demo"))
                        .authorities("TENANT_acme", "ROLE_WORKSPACE_TEAM", "ROLE_CRM_STAFF").build(),
                User.withUsername("carol").password(encoder.encode("demo"))
                        .authorities("TENANT_acme").build());
    }

    /** Lets the kit add a client user directly (without an invitation) when the CRM has that user in that tenant. */
    @Bean
    UserDirectory crmUserDirectory(InMemoryUserDetailsManager users) {
        return (tenant, user) -> users.userExists(user.value()) && users.loadUserByUsername(user.value())
                .getAuthorities().stream().anyMatch(a -> ("TENANT_" + tenant.value()).equals(a.getAuthority()));
    }
}
