package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.web.ActivityApiController;
import io.clientworkspace.spring.web.InvitationApiController;
import io.clientworkspace.spring.web.MemberApiController;
import io.clientworkspace.spring.web.PermissionMatrixApiController;
import io.clientworkspace.spring.web.TenantApiController;
import io.clientworkspace.spring.web.ProblemDetailsAdvice;
import io.clientworkspace.spring.web.WorkspaceApiController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@link WorkspaceRestAutoConfiguration}: the REST API in servlet web applications with Spring Security. */
class WorkspaceRestAutoConfigurationTest {

    private static final Class<?>[] API_BEANS = {WorkspaceApiController.class, MemberApiController.class,
            InvitationApiController.class, ActivityApiController.class, TenantApiController.class,
            PermissionMatrixApiController.class, ProblemDetailsAdvice.class};

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCrossSiteFilterCoversTheBasePathBelowTheDispatcherServletsOwnPath() {
        runner.withPropertyValues("spring.mvc.servlet.path=/app/", "client-workspace.rest.base-path=/kit-api").run(context -> {
            org.springframework.boot.web.servlet.FilterRegistrationBean<?> filter = context.getBean(
                    "workspaceCrossSiteRequestFilter", org.springframework.boot.web.servlet.FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/app/kit-api/*");
        });
    }

    @Test
    void theCrossSiteFilterCoversTheBasePathOfARootDispatcherServlet() {
        runner.run(context -> {
            org.springframework.boot.web.servlet.FilterRegistrationBean<?> filter = context.getBean(
                    "workspaceCrossSiteRequestFilter", org.springframework.boot.web.servlet.FilterRegistrationBean.class);
            assertThat(filter.getUrlPatterns()).containsExactly("/api/*");
        });
    }

    @Test
    void aServletAppWithSpringSecurityGetsTheControllersAndTheProblemDetailsAdvice() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> type : API_BEANS) {
                assertThat(context).hasSingleBean(type);
            }
        });
    }

    @Test
    void restEnabledFalseRegistersNoEndpoint() {
        runner.withPropertyValues("client-workspace.rest.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class);
            for (Class<?> type : API_BEANS) {
                assertThat(context).doesNotHaveBean(type);
            }
        });
    }

    @Test
    void withoutSpringSecurityThereIsNoRestApi() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class);
            for (Class<?> type : API_BEANS) {
                assertThat(context).doesNotHaveBean(type);
            }
        });
    }

    @Test
    void aNonWebApplicationGetsNoRestApi() {
        new ApplicationContextRunner().withConfiguration(KitAutoConfigurations.ALL).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class);
            for (Class<?> type : API_BEANS) {
                assertThat(context).doesNotHaveBean(type);
            }
        });
    }

    @Test
    void eachControllerAndTheAdviceBackOffWhenTheHostDeclaresItsOwn() {
        runner.withUserConfiguration(OwnApiBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(WorkspaceApiController.class).hasBean("hostWorkspaces");
            assertThat(context).hasSingleBean(MemberApiController.class).hasBean("hostMembers");
            assertThat(context).hasSingleBean(InvitationApiController.class).hasBean("hostInvitations");
            assertThat(context).hasSingleBean(ActivityApiController.class).hasBean("hostActivity");
            assertThat(context).hasSingleBean(ProblemDetailsAdvice.class).hasBean("hostProblems");
        });
    }

    @Test
    void theHostsActorResolverDecidesWhoCallsTheApi() {
        Actor fixed = Actor.client(TenantId.of("northwind"), "jane");
        runner.withBean(ActorResolver.class, () -> authentication -> Optional.of(fixed)).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anyone", null));

            mvc.perform(get("/api/me"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.tenantId").value("northwind"))
                    .andExpect(jsonPath("$.userId").value("jane"))
                    .andExpect(jsonPath("$.kind").value("CLIENT"));
        });
    }

    @Test
    void aRequestWithoutAuthenticationIs401Problem() {
        runner.run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(get("/api/me"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + "unauthenticated"));
        });
    }

    @Test
    void aSignedInUserTheHostsActorResolverMapsToNoActorIs403NoActorProblem() {
        runner.withBean(ActorResolver.class, () -> authentication -> Optional.empty()).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            SecurityContextHolder.getContext().setAuthentication(signedIn("jane", "ROLE_USER"));

            mvc.perform(get("/api/me"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + "no-actor"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "the application's ActorResolver mapped this user to no workspace actor")));
        });
    }

    @Test
    void anAnonymousUserTheHostsActorResolverMapsToNoActorIsStill401() {
        runner.withBean(ActorResolver.class, () -> authentication -> Optional.empty()).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            SecurityContextHolder.getContext().setAuthentication(new org.springframework.security.authentication
                    .AnonymousAuthenticationToken("key", "anonymousUser", org.springframework.security.core.authority
                    .AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

            mvc.perform(get("/api/me"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + "unauthenticated"));
        });
    }

    @Test
    void theHostsOwnControllersAnswer403ForASignedInUserWithoutATenant() {
        runner.withUserConfiguration(HostController.class).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            SecurityContextHolder.getContext().setAuthentication(signedIn("jane", "ROLE_USER"));

            mvc.perform(get("/host/whoami")).andExpect(status().isForbidden());
        });
    }

    @Test
    void theHostsOwnControllersMayTakeAnActorParameter() {
        runner.withUserConfiguration(HostController.class).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            TestingAuthenticationToken jane = new TestingAuthenticationToken("jane", null, "TENANT_northwind");
            jane.setAuthenticated(true);
            SecurityContextHolder.getContext().setAuthentication(jane);

            mvc.perform(get("/host/whoami"))
                    .andExpect(status().isOk())
                    .andExpect(content().string("client:jane@northwind"));
        });
    }

    @Test
    void theHostsOwnControllersAnswer401WhenNobodyIsSignedIn() {
        runner.withUserConfiguration(HostController.class).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(get("/host/whoami")).andExpect(status().isUnauthorized());
        });
    }

    private static TestingAuthenticationToken signedIn(String name, String... authorities) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(name, null, authorities);
        token.setAuthenticated(true);
        return token;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnApiBeans {
        @Bean
        WorkspaceApiController hostWorkspaces(WorkspaceKit kit) {
            return new WorkspaceApiController(kit);
        }

        @Bean
        MemberApiController hostMembers(WorkspaceKit kit) {
            return new MemberApiController(kit);
        }

        @Bean
        InvitationApiController hostInvitations(WorkspaceKit kit) {
            return new InvitationApiController(kit);
        }

        @Bean
        ActivityApiController hostActivity(WorkspaceKit kit) {
            return new ActivityApiController(kit);
        }

        @Bean
        ProblemDetailsAdvice hostProblems(ObjectProvider<io.clientworkspace.spring.WorkspaceMetrics> metrics) {
            return new ProblemDetailsAdvice(metrics);
        }
    }

    @RestController
    static class HostController {
        @GetMapping("/host/whoami")
        String whoami(Actor actor) {
            return actor.toString();
        }
    }
}
