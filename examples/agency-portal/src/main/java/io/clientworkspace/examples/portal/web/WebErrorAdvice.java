package io.clientworkspace.examples.portal.web;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.GoneException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The kit's errors as pages, for the portal's own controllers (the REST API answers with problem
 * details from the starter). "Not found" looks the same whether the thing does not exist or the user
 * may not see it, as the kit intends.
 */
@ControllerAdvice(basePackageClasses = WebErrorAdvice.class)
public class WebErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    public ModelAndView notFound(NotFoundException e) {
        return new ModelAndView("error/404", Map.of(), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ModelAndView accessDenied(AccessDeniedException e) {
        return new ModelAndView("error/403", Map.of(), HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(FilesController.DownloadRefused.class)
    public ModelAndView downloadRefused(FilesController.DownloadRefused e) {
        return problem(HttpStatus.FORBIDDEN, "Not available yet", e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    public ModelAndView validation(ValidationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Some input was not valid",
                String.join("; ", e.fieldErrors().stream().map(f -> f.field() + " " + f.message()).toList()));
    }

    @ExceptionHandler(ConflictException.class)
    public ModelAndView conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "That change could not be made", e.getMessage());
    }

    @ExceptionHandler(ArchivedException.class)
    public ModelAndView archived(ArchivedException e) {
        return problem(HttpStatus.CONFLICT, "This workspace is archived", "Nothing in an archived workspace can change.");
    }

    @ExceptionHandler(io.clientworkspace.FeatureUnavailableException.class)
    public ModelAndView unavailable(io.clientworkspace.FeatureUnavailableException e) {
        return problem(HttpStatus.NOT_IMPLEMENTED, "Not available here", "This portal's storage does not provide "
                + e.feature() + " yet.");
    }

    @ExceptionHandler(GoneException.class)
    public ModelAndView gone(GoneException e) {
        return problem(HttpStatus.GONE, "No longer available", e.getMessage());
    }

    private static ModelAndView problem(HttpStatus status, String title, @Nullable String message) {
        // An exception without a message must not turn the error page into a NullPointerException (Map.of).
        return new ModelAndView("error/problem", Map.of("title", title, "message", message == null ? "" : message), status);
    }
}
