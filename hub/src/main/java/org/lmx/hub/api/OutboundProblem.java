package org.lmx.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.lmx.routes.outbound.OutboundRefusal;
import org.lmx.routes.outbound.OutboundRule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The outbound entry's refusal as an RFC 9457 problem: 400 for an incomplete or malformed request, 422 for one the
 * agreement or the contract refuses; {@code code} is the stable code, {@code problems} every schema problem.
 */
final class OutboundProblem extends RuntimeException {

    private final OutboundRefusal refusal;

    OutboundProblem(OutboundRefusal refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    ProblemDetail problem() {
        HttpStatus status = refusal.rule() == OutboundRule.REQUEST_INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle(refusal.rule().meaning());
        problem.setProperty("code", refusal.code());
        if (!refusal.problems().isEmpty()) {
            problem.setProperty("problems", refusal.problems());
        }
        return problem;
    }

    /** Problem bodies for {@link OutboundController}. */
    @RestControllerAdvice(assignableTypes = OutboundController.class)
    static class Handler {

        @ExceptionHandler(OutboundProblem.class)
        ResponseEntity<ProblemDetail> refused(OutboundProblem e) {
            ProblemDetail body = e.problem();
            return ResponseEntity.status(body.getStatus()).body(body);
        }

        @ExceptionHandler(ApiProblem.class)
        ResponseEntity<ProblemDetail> problem(ApiProblem e) {
            ProblemDetail body = e.problem();
            return ResponseEntity.status(body.getStatus()).body(body);
        }

        @ExceptionHandler(HttpMessageNotReadableException.class)
        ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
            // Jackson's own words without its source excerpt and Java class names
            Throwable cause = e.getMostSpecificCause();
            String why = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the body is not the JSON of an outbound document: " + why));
        }
    }
}
