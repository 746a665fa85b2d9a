package org.lmx.hub.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request the API answers with an RFC 9457 problem: a status and a sentence saying what is wrong. */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    private ApiProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail);
    }

    static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail);
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail);
    }

    ProblemDetail problem() {
        return ProblemDetail.forStatusAndDetail(status, getMessage());
    }
}
