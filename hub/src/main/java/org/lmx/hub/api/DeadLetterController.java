package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.lmx.hub.audit.AuditLog;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessagePage;
import org.lmx.routes.log.MessageQuery;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.outbound.DeliveryAttempts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outbound messages whose delivery FAILED after the agreement's last attempt, and the operator's retry of one. */
@RestController
@Tag(name = "Dead letters", description = "FAILED outbound deliveries and the operator's audited retry")
@SecurityRequirement(name = "basic")
class DeadLetterController {

    static final String RETRY = "message.retry";

    private final MessageLog log;
    private final DeliveryAttempts attempts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    DeadLetterController(MessageLog log, DeliveryAttempts attempts, AuditLog audit, PlatformTransactionManager transactions) {
        this.log = log;
        this.attempts = attempts;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A dead letter: whom it was for, what, when it failed, after how many attempts and why. */
    record DeadLetterView(String messageId, String agreementId, String to, String documentType, Instant failedAt,
                          Integer attempts, String lastError) {

        static DeadLetterView of(LoggedMessage message, DeliveryAttempts.Pending delivery) {
            LogEntry e = message.entry();
            return new DeadLetterView(e.messageId(), e.agreementId(), e.to(), e.documentType(), message.stateAt(),
                    delivery == null ? null : delivery.attempts(), delivery == null ? null : delivery.lastError());
        }
    }

    record DeadLetterPageView(List<DeadLetterView> items, int page, int size, long total) {
    }

    @GetMapping("/api/deadletters")
    @Operation(summary = "FAILED outbound messages, newest first, with their recipient, type, time of failure,"
            + " attempts and last error")
    DeadLetterPageView list(@RequestParam(defaultValue = "0") int page,
                            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        ApiParameters.atLeast("page", page, 0);
        ApiParameters.within("size", size, 1, MessageQuery.MAX_SIZE);
        // only outbound deliveries end FAILED, so the log's state filter is the dead-letter list
        MessagePage failed = log.search(new MessageQuery(null, null, MessageState.FAILED, null, null, page, size));
        return new DeadLetterPageView(failed.items().stream()
                .map(m -> DeadLetterView.of(m, attempts.of(m.entry().messageId()).orElse(null))).toList(),
                failed.page(), failed.size(), failed.total());
    }

    @PostMapping("/api/messages/{id}/retry")
    @Operation(summary = "An operator's retry of a FAILED outbound message: delivered again from attempt 1 under its"
            + " agreement (same bytes, same MessageId); 409 unless FAILED; audited")
    ResponseEntity<MessageView> retry(@PathVariable String id, Principal user) {
        LoggedMessage message = log.find(id).orElse(null);
        if (message == null) {
            audit.record(user.getName(), RETRY, id, "NOT_FOUND", "no logged message");
            throw ApiProblem.notFound("no logged message " + id);
        }
        // reopen checks FAILED itself, in the same transaction as the state change: the delivery route sees the
        // row pending only once the message is QUEUED again, and two retries at once reopen it once
        boolean reopened = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!attempts.reopen(id)) {
                return false;
            }
            log.changeState(id, MessageState.QUEUED, "retry by " + user.getName());
            return true;
        }));
        if (!reopened) {
            MessageState now = log.find(id).map(LoggedMessage::state).orElse(message.state());
            audit.record(user.getName(), RETRY, id, "REFUSED", "state " + now);
            throw ApiProblem.conflict("message " + id + " is " + now + ", not FAILED: only a FAILED delivery is retried");
        }
        audit.record(user.getName(), RETRY, id, "RETRIED", message.entry().documentType() + " to " + message.entry().to());
        LoggedMessage queued = log.find(id).orElseThrow();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(MessageView.of(queued, log.history(id),
                attempts.of(id).map(MessageView.DeliveryView::of).orElse(null)));
    }
}
