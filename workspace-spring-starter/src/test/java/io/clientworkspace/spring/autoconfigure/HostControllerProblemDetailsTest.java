package io.clientworkspace.spring.autoconfigure;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.QuotaExceededException;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.spring.web.HostProblemDetailsAdvice;
import io.clientworkspace.spring.web.KitProblemDetails;
import io.clientworkspace.spring.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Kit exceptions thrown in a host's own controllers: problem details for controllers annotated with
 * {@link KitProblemDetails} or for all with {@code client-workspace.rest.problem-details-for-host-controllers=true};
 * untouched otherwise; the controller's own handlers come first, then the annotation (before any host advice), then
 * the host's advices, then the property (a fallback).
 */
class HostControllerProblemDetailsTest {

    private static final String TYPE = ProblemDetailsAdvice.TYPE_PREFIX;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withUserConfiguration(AnnotatedController.class, PlainController.class);

    private interface MvcCheck {
        void check(MockMvc mvc) throws Exception;
    }

    private void withMvc(WebApplicationContextRunner contextRunner, MvcCheck check) {
        contextRunner.run(context -> {
            assertThat(context).hasNotFailed();
            check.check(MockMvcBuilders.webAppContextSetup(context).build());
        });
    }

    @Test
    void aKitNotFoundInAnAnnotatedHostControllerIsA404Problem() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value(TYPE + "not-found"))
                .andExpect(jsonPath("$.resourceType").value("workspace"))
                .andExpect(jsonPath("$.detail").value(new NotFoundException("workspace", "w-404").getMessage())));
    }

    @Test
    void aKitConflictInAnAnnotatedHostControllerIsA409ProblemWithItsReason() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/conflict"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(TYPE + "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION")));
    }

    @Test
    void aStaleVersionWithIfMatchIs412AsOnTheKitsOwnEndpoints() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/conflict").header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(TYPE + "conflict")));
    }

    @Test
    void aKitValidationErrorInAnAnnotatedHostControllerIsA400ProblemNamingTheField() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/validation"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(TYPE + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank")));
    }

    @Test
    void aKitAccessDeniedInAnAnnotatedHostControllerIsA403Problem() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/access-denied"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(TYPE + "access-denied")));
    }

    @Test
    void aFeaturesOwnMappingAlsoReachesAnnotatedHostControllers() {
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/quota"))
                .andExpect(status().isInsufficientStorage())
                .andExpect(jsonPath("$.type").value(TYPE + "quota-exceeded"))
                .andExpect(jsonPath("$.quota").value(1000)));
    }

    @Test
    void aSignedInUserWithoutATenantCallingAnAnnotatedHostControllerGetsTheNoTenantProblem() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "dora", "n/a", List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        try {
            withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/me"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(TYPE + "no-tenant"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("TENANT_"))));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anAnonymousCallerOfAnAnnotatedHostControllerThatTakesAnActorGetsTheUnauthenticatedProblem() {
        SecurityContextHolder.clearContext();
        withMvc(runner, mvc -> mvc.perform(get("/crm/annotated/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(TYPE + "unauthenticated")));
    }

    @Test
    void aHostExceptionInAnAnnotatedHostControllerKeepsTheHostsHandling() {
        withMvc(runner, mvc -> assertThatThrownBy(() -> mvc.perform(get("/crm/annotated/host-error")))
                .hasRootCauseInstanceOf(IllegalStateException.class));
    }

    @Test
    void aKitExceptionInAHostControllerWithoutTheAnnotationIsLeftToTheHost() {
        withMvc(runner, mvc -> assertThatThrownBy(() -> mvc.perform(get("/crm/plain/not-found")))
                .hasRootCauseInstanceOf(NotFoundException.class));
    }

    @Test
    void thePropertyGivesEveryHostControllerTheKitsProblemDetails() {
        withMvc(runner.withPropertyValues("client-workspace.rest.problem-details-for-host-controllers=true"),
                mvc -> mvc.perform(get("/crm/plain/not-found"))
                        .andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.type").value(TYPE + "not-found")));
    }

    @Test
    void withThePropertyAnnotatedControllersStillGetProblemDetails() {
        withMvc(runner.withPropertyValues("client-workspace.rest.problem-details-for-host-controllers=true"),
                mvc -> mvc.perform(get("/crm/annotated/not-found")).andExpect(status().isNotFound()));
    }

    @Test
    void exactlyOneHostAdviceIsRegisteredForEachSetting() {
        runner.run(context -> assertThat(context).hasSingleBean(HostProblemDetailsAdvice.class)
                .hasSingleBean(HostProblemDetailsAdvice.Annotated.class));
        runner.withPropertyValues("client-workspace.rest.problem-details-for-host-controllers=true")
                .run(context -> assertThat(context).hasSingleBean(HostProblemDetailsAdvice.class)
                        .hasSingleBean(HostProblemDetailsAdvice.AllControllers.class));
    }

    @Test
    void theControllersOwnExceptionHandlerWins() {
        withMvc(runner.withUserConfiguration(OwnHandlerController.class), mvc -> mvc.perform(get("/crm/own-handler"))
                .andExpect(status().isGone())
                .andExpect(content().string("handled by the controller")));
    }

    @Test
    void withThePropertyTheHostsOwnAdviceWins() {
        withMvc(runner.withUserConfiguration(HostAdvice.class)
                        .withPropertyValues("client-workspace.rest.problem-details-for-host-controllers=true"),
                mvc -> mvc.perform(get("/crm/plain/not-found"))
                        .andExpect(status().isIAmATeapot())
                        .andExpect(content().string("handled by the host's advice")));
    }

    @Test
    void withThePropertyOnlyTheHostsCatchAllAdviceAnswers() {
        withMvc(runner.withUserConfiguration(HostCatchAllAdvice.class)
                        .withPropertyValues("client-workspace.rest.problem-details-for-host-controllers=true"),
                mvc -> mvc.perform(get("/crm/plain/not-found"))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(content().string("handled by the host's catch-all")));
    }

    @Test
    void anAnnotatedControllerGetsTheKitsProblemDespiteAHostCatchAllAdvice() {
        withMvc(runner.withUserConfiguration(HostCatchAllAdvice.class), mvc -> mvc.perform(get("/crm/annotated/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(TYPE + "not-found")));
    }

    @Test
    void anAnnotatedControllerGetsTheKitsProblemDespiteAHostAdviceForTheKitException() {
        withMvc(runner.withUserConfiguration(HostAdvice.class), mvc -> mvc.perform(get("/crm/annotated/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(TYPE + "not-found")));
    }

    @Test
    void aHostExceptionInAnAnnotatedControllerStillReachesTheHostsCatchAllAdvice() {
        withMvc(runner.withUserConfiguration(HostCatchAllAdvice.class), mvc -> mvc.perform(get("/crm/annotated/host-error"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string("handled by the host's catch-all")));
    }

    @Test
    void theControllersOwnExceptionHandlerWinsOverTheAnnotationAlsoWithAHostCatchAllAdvice() {
        withMvc(runner.withUserConfiguration(OwnHandlerController.class, HostCatchAllAdvice.class),
                mvc -> mvc.perform(get("/crm/own-handler"))
                        .andExpect(status().isGone())
                        .andExpect(content().string("handled by the controller")));
    }

    @Test
    void withTheRestApiOffHostControllersAreLeftToTheHost() {
        runner.withPropertyValues("client-workspace.rest.enabled=false",
                        "client-workspace.rest.problem-details-for-host-controllers=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HostProblemDetailsAdvice.class));
    }

    @KitProblemDetails
    @RestController
    static class AnnotatedController {

        @GetMapping("/crm/annotated/not-found")
        String notFound() {
            throw new NotFoundException("workspace", "w-404");
        }

        @GetMapping("/crm/annotated/conflict")
        String conflict() {
            throw ConflictException.staleVersion("workspace", "w-1", 3);
        }

        @GetMapping("/crm/annotated/validation")
        String validation() {
            throw new ValidationException(List.of(FieldError.of("name", "must not be blank")));
        }

        @GetMapping("/crm/annotated/access-denied")
        String accessDenied() {
            throw new AccessDeniedException(Actor.client(TenantId.of("acme"), "carol"), "MANAGE_MEMBERS", "add a member");
        }

        @GetMapping("/crm/annotated/quota")
        String quota() {
            throw new QuotaExceededException(WorkspaceId.of("w-1"), 1000, OptionalLong.of(900));
        }

        @GetMapping("/crm/annotated/me")
        String me(Actor actor) {
            return actor.userId().value();
        }

        @GetMapping("/crm/annotated/host-error")
        String hostError() {
            throw new IllegalStateException("the host's own failure");
        }
    }

    @RestController
    static class PlainController {

        @GetMapping("/crm/plain/not-found")
        String notFound() {
            throw new NotFoundException("workspace", "w-404");
        }
    }

    @KitProblemDetails
    @RestController
    static class OwnHandlerController {

        @GetMapping("/crm/own-handler")
        String notFound() {
            throw new NotFoundException("workspace", "w-404");
        }

        @ExceptionHandler(NotFoundException.class)
        ResponseEntity<String> handle(NotFoundException e) {
            return ResponseEntity.status(HttpStatus.GONE).body("handled by the controller");
        }
    }

    @RestControllerAdvice
    static class HostAdvice {

        @ExceptionHandler(NotFoundException.class)
        ResponseEntity<String> handle(NotFoundException e) {
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("handled by the host's advice");
        }
    }

    @RestControllerAdvice
    static class HostCatchAllAdvice {

        @ExceptionHandler(Exception.class)
        ResponseEntity<String> handle(Exception e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("handled by the host's catch-all");
        }
    }
}
