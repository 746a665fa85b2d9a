package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.lmx.hub.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of operator actions, for auditors and operators. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who did what, when")
@SecurityRequirement(name = "basic")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The latest operator actions first")
    List<AuditLog.AuditEvent> latest(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 1000)));
    }
}
