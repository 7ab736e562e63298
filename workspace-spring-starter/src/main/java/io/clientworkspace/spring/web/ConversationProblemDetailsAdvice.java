package io.clientworkspace.spring.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * The problem details only conversations raise, for the kit's controllers (see {@link ProblemDetailsAdvice} for the
 * shared ones and the shape of every problem):
 *
 * <table>
 *   <caption>Status per error</caption>
 *   <tr><td>live-updates-unavailable</td><td>503 Service Unavailable with {@code Retry-After: 30}: every live-update
 *       subscription the server allows is open ({@code client-workspace.rest.live-updates.max-subscribers}); poll
 *       with {@code ?since=} meanwhile</td></tr>
 * </table>
 */
@RestControllerAdvice(basePackageClasses = ConversationProblemDetailsAdvice.class, assignableTypes = KitController.class)
public class ConversationProblemDetailsAdvice {

    /** An advice without state: the problems it answers depend only on the exception. */
    public ConversationProblemDetailsAdvice() {
    }

    @ExceptionHandler(ConversationLiveUpdates.CapacityException.class)
    ResponseEntity<ProblemDetail> liveUpdatesUnavailable(ConversationLiveUpdates.CapacityException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + "live-updates-unavailable"));
        p.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        p.setProperty("code", "live-updates-unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(p);
    }
}
