package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import org.lmx.hub.audit.AuditLog;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageQuery;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.routes.outbound.DeliveryAttempts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message log: every document the hub accepted or issued, its state and history, and its receipt. */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "Messages", description = "The message log: metadata, state and history of every accepted or issued document")
@SecurityRequirement(name = "basic")
class MessageController {

    private final MessageLog log;
    private final AuditLog audit;
    private final DeliveryAttempts attempts;
    private final RetentionPurge retention;

    MessageController(MessageLog log, AuditLog audit, DeliveryAttempts attempts, RetentionPurge retention) {
        this.log = log;
        this.audit = audit;
        this.attempts = attempts;
        this.retention = retention;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One logged message: its metadata, attachments, current state and history (not its body),"
            + " and for an outbound message to a push partner its delivery attempts, next attempt and last error")
    MessageView find(@PathVariable String id) {
        LoggedMessage message = log.find(id).orElseThrow(() -> ApiProblem.notFound("no logged message " + id));
        MessageView.DeliveryView delivery = message.entry().direction() == Direction.OUTBOUND
                ? attempts.of(id).map(MessageView.DeliveryView::of).orElse(null) : null;
        return MessageView.of(message, log.history(id), delivery);
    }

    @GetMapping
    @Operation(summary = "Logged messages, newest first, filtered by party (sender or recipient), document type,"
            + " state and time logged (since inclusive, until exclusive)")
    MessagePageView search(
            @Parameter(description = "a party id, e.g. KOR:MOEL: messages from or to it") @RequestParam(required = false) String party,
            @Parameter(description = "a document type, e.g. WorkPermitApplication") @RequestParam(required = false) String type,
            @Parameter(description = "ACCEPTED, DISPATCHED, QUEUED, SENT, DELIVERED, REJECTED_BY_RECIPIENT, RETRYING or FAILED")
            @RequestParam(required = false) String state,
            @Parameter(description = "ISO-8601, e.g. 2025-05-01T08:00:00Z or 2025-05-01T13:00:00+05:00")
            @RequestParam(required = false) String since,
            @Parameter(description = "ISO-8601, exclusive") @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        MessageState wanted = ApiParameters.state(state);
        Instant from = ApiParameters.time("since", since);
        Instant to = ApiParameters.time("until", until);
        ApiParameters.window(from, to);
        ApiParameters.atLeast("page", page, 0);
        ApiParameters.within("size", size, 1, MessageQuery.MAX_SIZE);
        return MessagePageView.of(log.search(new MessageQuery(ApiParameters.filter(party), ApiParameters.filter(type),
                wanted, from, to, page, size)));
    }

    @GetMapping("/{id}/body")
    @Operation(summary = "The signed document of a logged message, byte for byte as it was received or sent: personal"
            + " data, so for auditors only (operators see metadata), and every read is audited")
    ResponseEntity<byte[]> body(@PathVariable String id, Principal user) {
        byte[] body = log.find(id).isEmpty() ? null : log.body(id).orElse(null);
        // audited before it is served: no read of a document's content goes unrecorded
        audit.record(user.getName(), "BODY_READ", id, body == null ? "NOT_FOUND" : "SERVED",
                body == null ? "no logged message or no stored body (purged)" : body.length + " bytes");
        if (body == null) {
            Instant purged = retention.purgedAt(id).orElse(null);
            throw ApiProblem.notFound(purged == null ? "no stored body for message " + id
                    : "the body of message " + id + " was purged at " + purged + " at the end of its agreement's"
                    + " retention; its metadata, digests and receipt are kept");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
    }

    @GetMapping("/{id}/receipt")
    @Operation(summary = "The hub's signed receipt for an inbound message, byte for byte as it was sent (evidence"
            + " for a partner on request); the read is audited")
    ResponseEntity<byte[]> receipt(@PathVariable String id, Principal user) {
        byte[] receipt = log.receipt(id).orElse(null);
        audit.record(user.getName(), "RECEIPT_READ", id, receipt == null ? "NOT_FOUND" : "SERVED",
                receipt == null ? "no stored receipt" : receipt.length + " bytes");
        if (receipt == null) {
            throw ApiProblem.notFound("no stored receipt for message " + id);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(receipt);
    }
}
