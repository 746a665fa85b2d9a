package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.lmx.hub.audit.AuditLog;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.routes.log.RetentionReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The retention purge on an operator's request (it also runs daily), audited. */
@RestController
@RequestMapping("/api/retention")
@Tag(name = "Retention", description = "Purging signed bodies and attachments past their agreement's retention")
@SecurityRequirement(name = "basic")
class RetentionController {

    private final RetentionPurge purge;
    private final AuditLog audit;

    RetentionController(RetentionPurge purge, AuditLog audit) {
        this.purge = purge;
        this.audit = audit;
    }

    @PostMapping("/purge")
    @Operation(summary = "Purge (or with dryRun=true list) the bodies and attachment contents past their agreement's"
            + " Retention/MessageBodies, counted from their case's last message; metadata, receipts and the chain stay")
    RetentionReport purge(@Parameter(description = "true: only report what would be purged; false: purge",
            required = true) @RequestParam(required = false) Boolean dryRun, Principal user) {
        if (dryRun == null) {
            throw ApiProblem.badRequest("say dryRun=true to see what would be purged, or dryRun=false to purge");
        }
        RetentionReport report = purge.purge(dryRun);
        audit.record(user.getName(), "RETENTION_PURGE", "message log", dryRun ? "DRY_RUN" : "PURGED", report.summary());
        return report;
    }
}
