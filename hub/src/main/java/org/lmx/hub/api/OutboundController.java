package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.lmx.hub.audit.AuditLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.outbound.OutboundRefusal;
import org.lmx.routes.outbound.OutboundRequest;
import org.lmx.routes.outbound.OutboundResult;
import org.lmx.routes.outbound.OutboundRoute;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An operator's document for the hub to issue: through the same outbound entry that processes use. */
@RestController
@RequestMapping(OutboundController.PATH)
@Tag(name = "Outbound", description = "Documents the hub issues, signs as KAZ:MLSP and delivers")
@SecurityRequirement(name = "basic")
class OutboundController {

    static final String PATH = "/api/outbound";
    static final String ACTION = "outbound.post";
    /** The client's name for its request (the IETF httpapi Idempotency-Key header): a repeat issues nothing new. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ProducerTemplate producer;
    private final AuditLog audit;

    OutboundController(ProducerTemplate producer, AuditLog audit) {
        this.producer = producer;
        this.audit = audit;
    }

    /**
     * The issued document.
     *
     * @param links where to follow it: {@code message}, its entry in the message log (state and history)
     */
    record Issued(String messageId, String conversationId, String inReplyTo, String agreementId, String to,
                  String documentType, String created, String digest, MessageState state, Map<String, String> links) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a document: the hub builds the envelope, signs it as KAZ:MLSP, logs it (QUEUED) and"
            + " queues it for delivery; 202 with its MessageId. With an Idempotency-Key, asking again (say, after a lost"
            + " answer) gives 200 with the document issued the first time; the same key for another request is 409"
            + " LMX-OUT-KEY-CONFLICT. A refused request keeps nothing: 400 when the request is incomplete, 422 when the"
            + " agreement or the contract refuses it (problem+json with its code)")
    ResponseEntity<Issued> post(@RequestBody OutboundPost post,
                                @Parameter(description = "the client's unique name for this request, up to 200"
                                        + " printable ASCII characters, e.g. a UUID")
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                Principal user) {
        String what = post.documentType() + " to " + post.to() + (key == null ? "" : " (Idempotency-Key " + key + ")");
        OutboundRequest request;
        try {
            request = post.toRequest(user.getName()).withRequestKey(key);
        } catch (ApiProblem e) {
            audit.record(user.getName(), ACTION, post.to(), "REFUSED", what + ": " + e.getMessage());
            throw e;
        }
        Exchange done = producer.request(OutboundRoute.OUTBOUND, e -> e.getMessage().setBody(request));
        Exception failure = done.getException();
        if (failure instanceof OutboundRefusal refusal) {
            audit.record(user.getName(), ACTION, post.to(), "REFUSED", what + ": " + refusal);
            throw new OutboundProblem(refusal);
        }
        if (failure != null) {
            audit.record(user.getName(), ACTION, post.to(), "FAILED", what + ": " + failure);
            throw new IllegalStateException("the hub could not issue " + what, failure);
        }
        OutboundResult r = done.getMessage().getBody(OutboundResult.class);
        audit.record(user.getName(), ACTION, r.to(), r.repeated() ? "REPEATED" : r.state().name(), r.documentType()
                + " MessageId " + r.messageId() + " in conversation " + r.conversationId() + " under " + r.agreementId()
                + ", SHA-256 " + r.digest() + (key == null ? "" : ", Idempotency-Key " + key));
        String message = "/api/messages/" + r.messageId();
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.ACCEPTED).location(URI.create(message))
                .body(new Issued(r.messageId(), r.conversationId(), r.inReplyTo(), r.agreementId(), r.to(),
                        r.documentType(), r.created(), r.digest(), r.state(), Map.of("message", message)));
    }
}
