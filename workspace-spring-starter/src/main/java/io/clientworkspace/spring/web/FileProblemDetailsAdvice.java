package io.clientworkspace.spring.web;

import io.clientworkspace.QuotaExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem details only the files feature raises, for the kit's controllers (see {@link ProblemDetailsAdvice}
 * for the shared ones and the shape of every problem):
 *
 * <table>
 *   <caption>Status per error</caption>
 *   <tr><td>quota-exceeded</td><td>507 Insufficient Storage: the workspace's storage quota has no room for the
 *       upload, with {@code quota} in bytes (and {@code used} for the team only: it counts internal files); not 413,
 *       which says this request is too large whatever the state, while the same upload fits again once trashed
 *       files are purged</td></tr>
 * </table>
 */
@RestControllerAdvice(basePackageClasses = FileProblemDetailsAdvice.class, assignableTypes = KitController.class)
public class FileProblemDetailsAdvice {

    /** An advice without state: the problems it answers depend only on the exception. */
    public FileProblemDetailsAdvice() {
    }

    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException e) {
        ProblemDetail p = ProblemDetailsAdvice.problem(HttpStatus.INSUFFICIENT_STORAGE, e);
        p.setProperty("quota", e.quotaBytes());
        e.usedBytes().ifPresent(used -> p.setProperty("used", used));
        return ProblemDetailsAdvice.respond(p);
    }
}
