package org.lmx.hub.api;

import org.lmx.routes.outbound.OutboundRefusal;
import org.lmx.routes.outbound.OutboundRule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The outbound entry's refusal as an RFC 9457 problem: 400 for an incomplete or malformed request, 409 for an
 * Idempotency-Key that named another request, 422 for one the agreement or the contract refuses; {@code code} is the stable code, {@code problems} every schema problem.
 */
final class OutboundProblem extends RuntimeException {

    private final OutboundRefusal refusal;

    OutboundProblem(OutboundRefusal refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    ProblemDetail problem() {
        HttpStatus status = switch (refusal.rule()) {
            case REQUEST_INVALID -> HttpStatus.BAD_REQUEST;
            case REQUEST_KEY_CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setTitle(refusal.rule().meaning());
        problem.setProperty("code", refusal.code());
        if (!refusal.problems().isEmpty()) {
            problem.setProperty("problems", refusal.problems());
        }
        return problem;
    }
}
