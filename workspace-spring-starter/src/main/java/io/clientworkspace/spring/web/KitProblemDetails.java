package io.clientworkspace.spring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a host's own controller in to the kit's problem details: a kit exception
 * ({@link io.clientworkspace.WorkspaceException} and its subclasses) thrown while the controller handles a request
 * becomes the same RFC 9457 problem the kit's own controllers answer (a {@code NotFoundException} a 404
 * {@code not-found}, a {@code ConflictException} a 409 {@code conflict}, a {@code ValidationException} a 400
 * {@code validation} with its field errors, an {@code AccessDeniedException} a 403, ...; see
 * {@link ProblemDetailsAdvice}) instead of a 500.
 *
 * <pre>{@code
 * @KitProblemDetails
 * @RestController
 * class CustomerController { ... }
 * }</pre>
 *
 * <p>Only kit exceptions are mapped: the controller's other errors (its own exceptions, Spring MVC's bad-request
 * errors) keep the host's handling. The controller's own {@code @ExceptionHandler} methods come first; the host's
 * advices come after: the annotation is an explicit opt-in, so it wins even over a host's catch-all advice
 * ({@code @ExceptionHandler(Exception.class)}) or a host advice for kit exceptions (see
 * {@link HostProblemDetailsAdvice} for the order). The property
 * {@code client-workspace.rest.problem-details-for-host-controllers=true} does the same for every controller,
 * annotated or not, but as a fallback: there the host's advices that handle the exception win. Needs the kit's REST API ({@code client-workspace.rest.enabled}, on by default).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KitProblemDetails {
}
