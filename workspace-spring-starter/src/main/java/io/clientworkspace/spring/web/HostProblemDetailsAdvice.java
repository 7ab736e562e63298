package io.clientworkspace.spring.web;

import io.clientworkspace.WorkspaceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.support.InvocableHandlerMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The kit's problem details for a host's own controllers, opt-in: {@link Annotated} covers the controllers
 * annotated with {@link KitProblemDetails}, {@link AllControllers} every controller (property
 * {@code client-workspace.rest.problem-details-for-host-controllers=true}); the starter registers one of the two.
 *
 * <p>It maps kit exceptions only ({@link WorkspaceException} and its subclasses, and the 401/403 of an {@code Actor}
 * parameter the kit could not resolve: {@code unauthenticated}, {@code no-tenant}, {@code ambiguous-tenant},
 * {@code no-actor}), and it does not map them
 * itself: it hands each to the advices that cover the kit's own controllers ({@link ProblemDetailsAdvice} and the
 * features' advices such as {@link FileProblemDetailsAdvice}, or the host's replacements of them), picking the
 * handler method exactly as Spring MVC would for a kit controller, so a host endpoint answers byte for byte what
 * a kit endpoint answers for the same exception, and a feature's new mapping needs no edit here. A kit exception
 * that none of them maps keeps Spring's default handling (a 500), as without this advice.
 *
 * <p>Order. The controller's own {@code @ExceptionHandler} methods always come first (Spring MVC asks the
 * controller before any advice). Among advices Spring MVC uses the first, in order, that has any handler for the
 * exception, so a host's catch-all advice ({@code @ExceptionHandler(Exception.class)}) would hide a later one:
 * <ul>
 *   <li>{@link Annotated} is ordered first ({@link Ordered#HIGHEST_PRECEDENCE}): {@link KitProblemDetails} on a
 *   controller is an explicit opt-in, so its kit exceptions get the kit's problem details even when the host has
 *   a catch-all advice or its own advice for kit exceptions. Other exceptions of the controller still reach the
 *   host's advices, as this advice handles kit exceptions only.</li>
 *   <li>{@link AllControllers} (the property) is ordered last ({@link Ordered#LOWEST_PRECEDENCE}), a fallback:
 *   every host advice that applies to the controller and handles the exception comes first, when it is ordered
 *   or, being unordered like most advices, declared in the host's configuration (host beans are registered before
 *   the kit's auto-configuration).</li>
 * </ul>
 */
public abstract class HostProblemDetailsAdvice {

    private final ListableBeanFactory beans;
    private volatile @Nullable List<KitAdvice> kitAdvices;

    HostProblemDetailsAdvice(ListableBeanFactory beans) {
        this.beans = Objects.requireNonNull(beans, "beans must not be null");
    }

    /**
     * Answers a kit exception as the kit's own controllers do.
     *
     * @throws Exception the exception itself when no kit advice maps it (Spring then handles it as usual)
     */
    @ExceptionHandler({WorkspaceException.class, Inputs.UnauthenticatedException.class, Inputs.NoActorException.class})
    ResponseEntity<?> kitException(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        for (KitAdvice advice : kitAdvices()) {
            @Nullable Method method = advice.methods().resolveMethodByThrowable(e);
            if (method == null) {
                continue;
            }
            List<Object> provided = new ArrayList<>();
            for (@Nullable Throwable t = e; t != null && !provided.contains(t); t = t.getCause()) {
                provided.add(t); // a handler may declare the exception or one of its causes, as Spring allows
            }
            provided.add(request);
            provided.add(response);
            @Nullable Object answer = new InvocableHandlerMethod(advice.bean().resolveBean(), method)
                    .invokeForRequest(new ServletWebRequest(request, response), null, provided.toArray());
            if (answer instanceof ProblemDetail problem) {
                return ResponseEntity.status(problem.getStatus()).body(problem);
            }
            if (answer instanceof ResponseEntity<?> entity) {
                return entity;
            }
            throw new IllegalStateException(method + " answered " + answer
                    + "; a kit advice must answer a ProblemDetail or a ResponseEntity");
        }
        throw e;
    }

    /**
     * The advices that cover the kit's controllers and not every controller (a host's global advice is not one of
     * them), in Spring MVC's order; found on first use, when every advice bean is defined.
     */
    private List<KitAdvice> kitAdvices() {
        @Nullable List<KitAdvice> found = kitAdvices;
        if (found == null) {
            List<KitAdvice> advices = new ArrayList<>();
            for (ControllerAdviceBean advice : ControllerAdviceBean.findAnnotatedBeans(beans)) {
                @Nullable Class<?> type = advice.getBeanType();
                if (type != null && advice.isApplicableToBeanType(KitController.class)
                        && !advice.isApplicableToBeanType(Object.class)) {
                    advices.add(new KitAdvice(advice, new ExceptionHandlerMethodResolver(type)));
                }
            }
            found = List.copyOf(advices);
            kitAdvices = found;
        }
        return found;
    }

    private record KitAdvice(ControllerAdviceBean bean, ExceptionHandlerMethodResolver methods) {
    }

    /**
     * Covers the controllers annotated with {@link KitProblemDetails} (the default); ordered first, before the
     * host's advices (an explicit opt-in), after the controller's own {@code @ExceptionHandler} methods.
     */
    @RestControllerAdvice(annotations = KitProblemDetails.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class Annotated extends HostProblemDetailsAdvice {

        /** @param beans where the kit's advices are looked up (the application context) */
        public Annotated(ListableBeanFactory beans) {
            super(beans);
        }
    }

    /**
     * Covers every controller ({@code client-workspace.rest.problem-details-for-host-controllers=true}); ordered
     * last, a fallback after every host advice that handles the exception.
     */
    @RestControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    public static final class AllControllers extends HostProblemDetailsAdvice {

        /** @param beans where the kit's advices are looked up (the application context) */
        public AllControllers(ListableBeanFactory beans) {
            super(beans);
        }
    }
}
