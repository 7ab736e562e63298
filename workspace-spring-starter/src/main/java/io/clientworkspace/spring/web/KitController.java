package io.clientworkspace.spring.web;

/**
 * Marks the kit's REST controllers, so that the kit's problem mappings ({@link ProblemDetailsAdvice} and the
 * features' own advices) also cover a host's subclass of one of them declared in another package (a host
 * replaces a kit controller by declaring a bean of its type). A feature's new controller implements it;
 * no advice needs an edit. Host controllers that do not implement it are not covered by these advices; a host opts
 * its own controllers in to the same problem details with {@link KitProblemDetails} (see {@link HostProblemDetailsAdvice}).
 */
public interface KitController {
}
