package com.example.crm;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** TEMPORARY stand-in for the starter's @KitProblemDetails (stream misconfig); removed when it is merged. */
@RestControllerAdvice(assignableTypes = CustomerController.class)
class ProblemDetailsStandIn {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
