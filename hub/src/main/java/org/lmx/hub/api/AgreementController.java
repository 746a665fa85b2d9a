package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;
import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.exchange.AgreementsChanged;
import org.lmx.routes.agreements.AgreementDetail;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.FileReport;
import org.lmx.routes.agreements.ImportOutcome;
import org.lmx.routes.agreements.ReloadReport;
import org.lmx.routes.agreements.ValidationReport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The bilateral agreements in force, their versions, and the two operator actions on them. */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Agreements", description = "Bilateral agreements: files are the source, imported as versions")
@SecurityRequirement(name = "basic")
class AgreementController {

    private final AgreementRegistry registry;
    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    AgreementController(AgreementRegistry registry, AuditLog audit, ApplicationEventPublisher events) {
        this.registry = registry;
        this.audit = audit;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "Every agreement with its current version (the latest that is not DRAFT)")
    List<AgreementSummary> list() {
        return registry.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement: every imported version, its status, and which one is current")
    AgreementDetail find(@PathVariable String id) {
        return registry.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no agreement " + id));
    }

    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Dry run: every problem of an agreement file, and what a reload would do with it; nothing is stored")
    ResponseEntity<ValidationReport> validate(@RequestBody byte[] file,
                                              @RequestParam(defaultValue = "upload.xml") String fileName, Principal user) {
        ValidationReport report = registry.validate(fileName, file);
        audit.record(user.getName(), "agreement.validate", fileName, report.valid() ? "VALID" : "INVALID",
                report.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        return ResponseEntity.status(report.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    @PostMapping("/reload")
    @Operation(summary = "Import changed agreement files as new versions; a refused file leaves its agreement as it was")
    ReloadReport reload(Principal user) {
        ReloadReport report = registry.reload(user.getName());
        events.publishEvent(new AgreementsChanged(report));
        audit.record(user.getName(), "agreement.reload", registry.agreementsDir().toString(),
                report.refused().isEmpty() ? "DONE" : "DONE_WITH_REFUSALS",
                report.files().size() + " files: " + report.count(ImportOutcome.IMPORTED) + " imported, "
                        + report.count(ImportOutcome.UNCHANGED) + " unchanged, " + report.refused().size() + " refused");
        for (FileReport file : report.files()) {
            if (file.outcome() == ImportOutcome.UNCHANGED) {
                continue;
            }
            audit.record(user.getName(), "agreement.import", file.fileName(), file.outcome().name(),
                    (file.agreementId() == null ? "" : file.agreementId() + " v" + file.version() + " ")
                            + file.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        return report;
    }
}
