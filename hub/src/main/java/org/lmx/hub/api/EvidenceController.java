package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.lmx.connectors.Sha256;
import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.evidence.EvidenceExporter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Evidence bundles: one signed ZIP per case, for auditors (it carries the documents' personal data). */
@RestController
@RequestMapping("/api/evidence")
@Tag(name = "Evidence", description = "A case's documents, receipts, attachments and chain proof in one signed bundle")
@SecurityRequirement(name = "basic")
class EvidenceController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final EvidenceExporter exporter;
    private final AuditLog audit;

    EvidenceController(EvidenceExporter exporter, AuditLog audit) {
        this.exporter = exporter;
        this.audit = audit;
    }

    @GetMapping("/{conversationId}")
    @Operation(summary = "The evidence bundle of a case (a ConversationId): a canonical ZIP with every document in and"
            + " out as signed, attachments, receipts, the chain proof, certificates, CRLs and the hub's signed manifest;"
            + " auditors only, every export audited; check it offline with lmx evidence verify")
    ResponseEntity<byte[]> export(@PathVariable String conversationId, Principal user) {
        if (!conversationId.matches("[0-9a-fA-F-]{36}")) {
            throw ApiProblem.badRequest("a ConversationId is a UUID, not " + conversationId);
        }
        byte[] bundle = exporter.export(conversationId).orElse(null);
        // audited before it is served: the bundle carries bodies
        audit.record(user.getName(), "EVIDENCE_EXPORT", conversationId, bundle == null ? "NOT_FOUND" : "SERVED",
                bundle == null ? "no logged message in this conversation" : bundle.length + " bytes, SHA-256 " + Sha256.hex(bundle));
        if (bundle == null) {
            throw ApiProblem.notFound("no logged message in conversation " + conversationId);
        }
        return ResponseEntity.ok().contentType(ZIP).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("evidence-" + conversationId + ".zip").build().toString()).body(bundle);
    }
}
