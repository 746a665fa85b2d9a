package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.security.AgencyUser;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachment contents, content-addressed by SHA-256, for staff and (their own documents' only) agencies; every read
 * is audited.
 */
@RestController
@RequestMapping(AttachmentController.PATH)
@Tag(name = "Attachments", description = "Attachment contents by SHA-256, as the signed headers declare them")
@SecurityRequirement(name = "basic")
class AttachmentController {

    static final String PATH = "/api/attachments";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final MessageLog log;
    private final AttachmentDescriptions descriptions;
    private final AuditLog audit;

    AttachmentController(MessageLog log, AttachmentDescriptions descriptions, AuditLog audit) {
        this.log = log;
        this.descriptions = descriptions;
        this.audit = audit;
    }

    @GetMapping("/{sha256}")
    @Operation(summary = "An attachment's content, with the file name and MIME type of the first message that"
            + " declared it; 404 once purged at the end of retention. An agency (its broker user) gets only the"
            + " attachments of documents it sent or received, and 404 for any other")
    ResponseEntity<byte[]> content(@PathVariable String sha256, Authentication user) {
        if (!SHA256.matcher(sha256).matches()) {
            throw ApiProblem.badRequest("an attachment is named by its SHA-256: 64 lower-case hex characters, not '"
                    + sha256 + "'");
        }
        if (user.getPrincipal() instanceof AgencyUser agency) {
            return forAgency(sha256, agency);
        }
        byte[] content = log.attachment(sha256).orElse(null);
        AttachmentDescriptions.Description description = descriptions.firstDeclared(sha256).orElse(unnamed(sha256));
        // audited before it is served: no read of exchanged content goes unrecorded
        audit.record(user.getName(), "ATTACHMENT_READ", sha256, content == null ? "NOT_FOUND" : "SERVED",
                content == null ? "no stored content" : description.fileName() + " (" + content.length + " bytes)");
        return serve(sha256, content, description);
    }

    /**
     * An agency's read: only an attachment that a message from or to the agency declares, under that message's
     * file name. Any other is answered as unknown (404, not 403), so that an agency learns nothing of another's.
     */
    private ResponseEntity<byte[]> forAgency(String sha256, AgencyUser agency) {
        Optional<LoggedMessage> own = log.messagesWithAttachment(sha256).stream()
                .map(log::find).flatMap(Optional::stream)
                .filter(m -> agency.party().equals(m.entry().from()) || agency.party().equals(m.entry().to()))
                .min(Comparator.comparingLong(m -> m.entry().seq()));
        if (own.isEmpty()) {
            audit.record(agency.getUsername(), "ATTACHMENT_READ", sha256, "REFUSED",
                    "no message from or to " + agency.party() + " declares it (answered 404)");
            return serve(sha256, null, null);
        }
        String messageId = own.get().messageId();
        byte[] content = log.attachment(sha256).orElse(null);
        AttachmentDescriptions.Description description = descriptions.declaredIn(sha256, messageId).orElse(unnamed(sha256));
        audit.record(agency.getUsername(), "ATTACHMENT_READ", sha256, content == null ? "NOT_FOUND" : "SERVED",
                "as " + agency.party() + ", declared by message " + messageId + ": "
                        + (content == null ? "no stored content" : description.fileName() + " (" + content.length + " bytes)"));
        return serve(sha256, content, description);
    }

    private static ResponseEntity<byte[]> serve(String sha256, byte[] content, AttachmentDescriptions.Description description) {
        if (content == null) {
            throw ApiProblem.notFound("no stored attachment with SHA-256 " + sha256 + " (unknown, or purged after retention)");
        }
        return ResponseEntity.ok()
                .contentType(mediaType(description.mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(description.fileName(), StandardCharsets.UTF_8).build().toString())
                // a partner chose the MIME type: a browser must not run it in the API's origin
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(content);
    }

    private static AttachmentDescriptions.Description unnamed(String sha256) {
        return new AttachmentDescriptions.Description(sha256, MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }

    private static MediaType mediaType(String declared) {
        try {
            return MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
