package io.clientworkspace.spring.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FeatureUnavailableException;
import io.clientworkspace.GoneException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.spring.WorkspaceMetrics;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Turns the kit's errors into RFC 9457 problem details for the kit's own controllers, each with a
 * stable {@code type} ({@code urn:client-workspace:problem:<code>}):
 *
 * <table>
 *   <caption>Status per error</caption>
 *   <tr><td>not-found</td><td>404 (also for workspaces the caller may not see)</td></tr>
 *   <tr><td>access-denied</td><td>403</td></tr>
 *   <tr><td>validation</td><td>400, with {@code errors: [{field, message}]}</td></tr>
 *   <tr><td>conflict</td><td>409 with {@code reason}; a stale version on a request with If-Match is 412</td></tr>
 *   <tr><td>gone</td><td>410 with {@code reason}</td></tr>
 *   <tr><td>archived</td><td>409</td></tr>
 *   <tr><td>feature-unavailable</td><td>501 Not Implemented: the store set lacks a store the feature needs, with
 *       {@code feature} (e.g. {@code approvals}) and {@code missingStore} (the SPI interface's name); the rest of
 *       the API keeps working</td></tr>
 *   <tr><td>precondition-required</td><td>428: a versioned change without If-Match</td></tr>
 *   <tr><td>unauthenticated</td><td>401: nobody is signed in</td></tr>
 *   <tr><td>no-tenant, ambiguous-tenant, no-actor</td><td>403: a signed-in user the {@code ActorResolver} maps to no
 *       actor (no tenant authority and no default tenant; several tenant authorities, listed in {@code authorities};
 *       a host resolver that answered empty), the detail naming the fix</td></tr>
 *   <tr><td>bad-request</td><td>400: unreadable JSON, unknown fields, bad parameters, a missing multipart
 *       part; 415 for a body type the endpoint does not take</td></tr>
 *   <tr><td>payload-too-large</td><td>413: an upload over the content policy's size limit (or over the
 *       servlet container's multipart limits) with {@code maxSize} in bytes when known</td></tr>
 * </table>
 *
 * <p>Uploads the content policy refuses (blocked or not allowed types, a name that contradicts the
 * content, empty content, archives over the limits) are {@code validation} 400s, with the field
 * {@code content} or {@code name} and the detected type in the message, not 415: 415 speaks of the
 * media type the request declares, while the kit judges what the bytes are, whatever was declared.
 *
 * <p>The advice covers the kit's controllers (the classes of this package, and a host's subclass of one of them
 * elsewhere: they are {@link KitController}s), never the host's own. Errors only one
 * feature raises are mapped by that feature's own advice next to its controllers (the files' storage quota
 * in {@link FileProblemDetailsAdvice}), so that adding a feature does not edit this class.
 */
@RestControllerAdvice(basePackageClasses = ProblemDetailsAdvice.class, assignableTypes = KitController.class)
public class ProblemDetailsAdvice {

    /** The prefix of every problem type of the API. */
    public static final String TYPE_PREFIX = "urn:client-workspace:problem:";

    private final ObjectProvider<WorkspaceMetrics> metrics;

    public ProblemDetailsAdvice(ObjectProvider<WorkspaceMetrics> metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        metrics.ifAvailable(m -> m.denied("not-found"));
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, e);
        p.setProperty("resourceType", e.resourceType());
        return respond(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        metrics.ifAvailable(m -> m.denied("access-denied"));
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, e);
        p.setProperty("required", e.required());
        return respond(p);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e);
        p.setProperty("errors", e.fieldErrors().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return respond(p);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        boolean precondition = e.reason() == ConflictException.Reason.STALE_VERSION
                && request.getHeader(HttpHeaders.IF_MATCH) != null;
        ProblemDetail p = problem(precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, e);
        p.setProperty("reason", e.reason().name());
        return respond(p);
    }

    @ExceptionHandler(GoneException.class)
    ResponseEntity<ProblemDetail> gone(GoneException e) {
        ProblemDetail p = problem(HttpStatus.GONE, e);
        p.setProperty("reason", e.reason().name());
        return respond(p);
    }

    @ExceptionHandler(FeatureUnavailableException.class)
    ResponseEntity<ProblemDetail> featureUnavailable(FeatureUnavailableException e) {
        ProblemDetail p = problem(HttpStatus.NOT_IMPLEMENTED, e);
        p.setProperty("feature", e.feature());
        p.setProperty("missingStore", e.missingStore().getName());
        return respond(p);
    }

    @ExceptionHandler(ArchivedException.class)
    ResponseEntity<ProblemDetail> archived(ArchivedException e) {
        return respond(problem(HttpStatus.CONFLICT, e));
    }

    @ExceptionHandler(Inputs.PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(Inputs.PreconditionRequiredException e) {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", e.getMessage()));
    }

    @ExceptionHandler(Inputs.UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(Inputs.UnauthenticatedException e) {
        return respond(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage()));
    }

    @ExceptionHandler(Inputs.NoActorException.class)
    ResponseEntity<ProblemDetail> noActor(Inputs.NoActorException e) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, e.resolution().reason().code(), e.getMessage());
        p.setTitle(e.resolution().reason().title());
        if (!e.resolution().authorities().isEmpty()) {
            p.setProperty("authorities", e.resolution().authorities());
        }
        return respond(p);
    }

    @ExceptionHandler(Inputs.PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(Inputs.PayloadTooLargeException e) {
        ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", e.getMessage());
        p.setProperty("maxSize", e.maxSize());
        return respond(p);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> multipartTooLarge(MaxUploadSizeExceededException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The multipart upload is larger than"
                + " the server accepts for multipart forms; send the file as the raw request body instead"));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> badMultipart(Exception e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String detail = "The request body is not valid JSON for this endpoint";
        List<Map<String, String>> errors = List.of();
        for (Throwable t = e; t != null; t = t.getCause()) {
            @Nullable String unknownField = t instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown
                    ? unknown.getPropertyName()
                    : t instanceof ApiDtos.UnknownFieldException unknown ? unknown.field() : null;
            if (unknownField != null) {
                detail = "Unknown field '" + unknownField + "': this endpoint does not accept it";
                errors = List.of(Map.of("field", unknownField, "message", "is not accepted here"));
                break;
            }
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "bad-request", detail);
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return respond(p);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        HttpStatus status = e instanceof HttpMediaTypeNotSupportedException
                ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
        return respond(problem(status, "bad-request", e.getMessage()));
    }

    static ProblemDetail problem(HttpStatus status, WorkspaceException e) {
        return problem(status, e.code(), e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, @Nullable String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail == null ? status.getReasonPhrase() : detail);
        p.setType(URI.create(TYPE_PREFIX + code));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        return p;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
