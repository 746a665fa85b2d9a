package org.lmx.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem bodies (application/problem+json) for the message log's and the outbound entry's controllers: Spring
 * Boot's own error page hides the reason, and a caller with a wrong parameter or body needs to read what and why.
 */
@RestControllerAdvice(assignableTypes = {MessageController.class, AttachmentController.class, LogController.class,
        RejectionController.class, OutboundController.class, DeadLetterController.class,
        PermitController.class, QuotaController.class, ContractController.class, CountryPackController.class,
        StatisticsController.class, RetentionController.class, EvidenceController.class})
class ApiProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem e) {
        ProblemDetail body = e.problem();
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(OutboundProblem.class)
    ResponseEntity<ProblemDetail> refused(OutboundProblem e) {
        ProblemDetail body = e.problem();
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // Jackson's own words without its source excerpt and Java class names
        Throwable cause = e.getMostSpecificCause();
        String why = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return badRequest("the body is not the JSON of an outbound document: " + why);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("parameter " + e.getName() + " must be "
                + (e.getRequiredType() == null ? "of another type" : "of type " + e.getRequiredType().getSimpleName())
                + ", not '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest("parameter " + e.getParameterName() + " is required");
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}
