package io.clientworkspace.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning when Spring Security's CSRF protection covers the kit's REST API: present for a chain that
 * keeps the default CSRF protection on the API, absent when the API is exempt or served by a chain without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CsrfNoticeTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL);

    private final WebApplicationContextRunner withBootsDefaultSecurity = runner.withConfiguration(AutoConfigurations.of(
            org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration.class));

    @Test
    void aHostChainWithTheDefaultCsrfProtectionOnTheApiGetsTheWarningNamingTheFix(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withUserConfiguration(DefaultCsrf.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CsrfNotice.class).warning()).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("CSRF protection covers the Client Workspace Kit's REST API (/api/**)")
                    .contains("http.csrf(c -> c.ignoringRequestMatchers(\"/api/**\"))")
                    .contains("client-workspace.rest.cross-site-protection")
                    .contains("CSRF token"));
            String log = output.getAll().substring(mark);
            assertThat(log.split("CSRF protection covers the Client Workspace Kit", -1)).as("logged once").hasSize(2);
            assertThat(log).contains("WARN");
        });
    }

    @Test
    void aHostChainThatExemptsTheApiGetsNoWarning(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withUserConfiguration(ApiExempt.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CsrfNotice.class).warning()).isEmpty();
            assertThat(output.getAll().substring(mark)).doesNotContain("CSRF protection covers");
        });
    }

    @Test
    void aHostChainWithoutCsrfGetsNoWarning() {
        runner.withUserConfiguration(CsrfDisabled.class).run(context ->
                assertThat(context.getBean(CsrfNotice.class).warning()).isEmpty());
    }

    @Test
    void anApiChainWithoutCsrfBeforeAFormLoginChainWithCsrfGetsNoWarning() {
        runner.withUserConfiguration(SeparateApiChain.class).run(context ->
                assertThat(context.getBean(CsrfNotice.class).warning()).isEmpty());
    }

    @Test
    void aChainForAnotherPathDoesNotHideTheCsrfOfTheChainThatServesTheApi() {
        runner.withUserConfiguration(OtherPathChainFirst.class).run(context ->
                assertThat(context.getBean(CsrfNotice.class).warning()).isPresent());
    }

    @Test
    void theWarningNamesTheConfiguredBasePath() {
        runner.withUserConfiguration(ApiExempt.class).withPropertyValues("client-workspace.rest.base-path=/kit-api")
                .run(context -> assertThat(context.getBean(CsrfNotice.class).warning()).hasValueSatisfying(warning ->
                        assertThat(warning).contains("ignoringRequestMatchers(\"/kit-api/**\")")));
    }

    @Test
    void underADispatcherServletPathTheWarningNamesTheFullPath() {
        runner.withUserConfiguration(DefaultCsrf.class).withPropertyValues("spring.mvc.servlet.path=/app")
                .run(context -> assertThat(context.getBean(CsrfNotice.class).warning()).hasValueSatisfying(warning ->
                        assertThat(warning).contains("ignoringRequestMatchers(\"/app/api/**\")")));
    }

    @Test
    void underADispatcherServletPathAnExemptionOfTheFullPathGetsNoWarning() {
        runner.withUserConfiguration(AppPathExempt.class).withPropertyValues("spring.mvc.servlet.path=/app")
                .run(context -> assertThat(context.getBean(CsrfNotice.class).warning()).isEmpty());
    }

    @Test
    void withTheKitsCrossSiteProtectionOffTheWarningAdvisesTheTokenFirst() {
        runner.withUserConfiguration(DefaultCsrf.class).withPropertyValues("client-workspace.rest.cross-site-protection=false")
                .run(context -> assertThat(context.getBean(CsrfNotice.class).warning()).hasValueSatisfying(warning ->
                        assertThat(warning).contains("Send the CSRF token").contains("it is off")));
    }

    @Test
    void springBootsDefaultSecurityGetsTheWarning() {
        withBootsDefaultSecurity.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CsrfNotice.class).warning()).isPresent();
        });
    }

    @Test
    void withTheRestApiOffThereIsNoCheck() {
        runner.withUserConfiguration(DefaultCsrf.class).withPropertyValues("client-workspace.rest.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CsrfNotice.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class DefaultCsrf {
        @Bean
        SecurityFilterChain host(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ApiExempt {
        @Bean
        SecurityFilterChain host(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults())
                    .csrf(c -> c.ignoringRequestMatchers("/api/**")).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class AppPathExempt {
        @Bean
        SecurityFilterChain host(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).csrf(c -> c.ignoringRequestMatchers("/app/api/**")).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class CsrfDisabled {
        @Bean
        SecurityFilterChain host(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).csrf(c -> c.disable()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class SeparateApiChain {
        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.securityMatcher("/api/**").authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).csrf(c -> c.disable()).build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class OtherPathChainFirst {
        @Bean
        @Order(1)
        SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
            return http.securityMatcher("/webhooks/**").authorizeHttpRequests(r -> r.anyRequest().permitAll())
                    .csrf(c -> c.disable()).build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(r -> r.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }
    }
}
