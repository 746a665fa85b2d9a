package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification of the message log's hash chain. The answer is the same JSON whether the chain holds or not
 * (entriesVerified, contentsVerified, headHash, firstBreak {seq, messageId, problem} or null): {@code lmx log
 * verify} reads it, and tells the two apart by the status.
 */
@RestController
@RequestMapping("/api/log")
@Tag(name = "Message log", description = "The hash chain over the message log")
@SecurityRequirement(name = "basic")
class LogController {

    private final LogVerifier verifier;

    LogController(LogVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the chain from the first entry, re-hash every stored body, receipt and attachment, and"
            + " name the first broken entry")
    @ApiResponse(responseCode = "200", description = "the chain and every stored content hold")
    @ApiResponse(responseCode = "409", description = "an entry is broken: firstBreak names it")
    ResponseEntity<LogVerification> verify() {
        LogVerification verification = verifier.verify();
        return ResponseEntity.status(verification.intact() ? HttpStatus.OK : HttpStatus.CONFLICT).body(verification);
    }
}
