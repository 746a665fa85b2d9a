package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.lmx.hub.audit.AuditLog;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitPage;
import org.lmx.processes.permit.PermitQuery;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.tracking.Movement;
import org.lmx.processes.tracking.MovementLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of work permits granted by the work-permit process: operators, auditors and permit officers read it.
 * A permit names a person, so every read is audited, like every read of exchanged content.
 */
@RestController
@Tag(name = "Permits", description = "The register of work permits granted")
@SecurityRequirement(name = "basic")
class PermitController {

    static final String LIST = "permits.list";
    static final String READ = "permit.read";
    static final String MOVEMENTS = "permit.movements";

    private final PermitRegister register;
    private final MovementLog movements;
    private final AuditLog audit;

    PermitController(PermitRegister register, MovementLog movements, AuditLog audit) {
        this.register = register;
        this.movements = movements;
        this.audit = audit;
    }

    @GetMapping("/api/permits")
    @Operation(summary = "Permits, newest decision first, paged; by the holder's travel document number and/or the"
            + " applicant partner")
    PermitPage list(@Parameter(description = "the holder's travel document number, e.g. M715B2046")
                    @RequestParam(required = false) String travelDocument,
                    @Parameter(description = "the party that applied, e.g. KOR:MOEL")
                    @RequestParam(required = false) String partner,
                    @RequestParam(defaultValue = "0") int page,
                    @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size,
                    Principal user) {
        ApiParameters.atLeast("page", page, 0);
        ApiParameters.within("size", size, 1, 100);
        PermitPage permits = register.list(new PermitQuery(ApiParameters.filter(travelDocument),
                ApiParameters.filter(partner), page, size));
        audit.record(user.getName(), LIST, partner == null ? "*" : partner, "READ", "travelDocument=" + travelDocument
                + ", partner=" + partner + ", page " + page + ": " + permits.items().size() + " of " + permits.total());
        return permits;
    }

    @GetMapping("/api/permits/{number}")
    @Operation(summary = "One permit by its number (KZ-WP-2026-000001): holder, category, sector, regions, validity,"
            + " employer, mentoring commitment, applicant partner, case and application")
    Permit one(@PathVariable String number, Principal user) {
        Permit permit = register.find(number).orElse(null);
        audit.record(user.getName(), READ, number, permit == null ? "NOT_FOUND" : "READ",
                permit == null ? "no such permit" : "case " + permit.caseReference());
        if (permit == null) {
            throw ApiProblem.notFound("no permit " + number);
        }
        return permit;
    }

    @GetMapping("/api/permits/{number}/movements")
    @Operation(summary = "The holder's border crossings recorded on the permit (BorderCrossingEvents from KAZ:BORDER),"
            + " oldest first: direction, time, crossing point and region, the event's MessageId")
    List<Movement> movements(@PathVariable String number, Principal user) {
        boolean known = register.find(number).isPresent();
        List<Movement> crossings = known ? movements.of(number) : List.of();
        audit.record(user.getName(), MOVEMENTS, number, known ? "READ" : "NOT_FOUND",
                known ? crossings.size() + " crossings" : "no such permit");
        if (!known) {
            throw ApiProblem.notFound("no permit " + number);
        }
        return crossings;
    }
}
