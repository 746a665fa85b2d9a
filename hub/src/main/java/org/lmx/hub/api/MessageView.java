package org.lmx.hub.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.StateChange;
import org.lmx.routes.outbound.DeliveryAttempts;

/**
 * A logged message as the admin API shows it: its chained metadata, its current state and, for one message
 * asked by id, its history. Never its body.
 *
 * @param seq     its position in the hash chain (what {@code GET /api/log/verify} names when an entry breaks)
 * @param created Header/Created exactly as the sender wrote it
 * @param history  oldest first; only on {@code GET /api/messages/{id}}
 * @param delivery the attempts to deliver an outbound message to a push partner; only on {@code GET /api/messages/{id}}
 */
record MessageView(long seq, String messageId, Direction direction, String conversationId, String inReplyTo,
                   String agreementId, String from, String to, String documentType, String created, Instant loggedAt,
                   String digest, long size, String receiptDigest, List<AttachmentView> attachments,
                   MessageState state, Instant stateAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<StateChange> history,
                   @JsonInclude(JsonInclude.Include.NON_NULL) DeliveryView delivery) {

    /** Attempts made so far (counted before each call), when the next is due (null: none pending) and the last error. */
    record DeliveryView(int attempts, Instant nextAttemptAt, String lastError) {

        static DeliveryView of(DeliveryAttempts.Pending row) {
            return new DeliveryView(row.attempts(), row.nextAttemptAt(), row.lastError());
        }
    }

    /** An attachment the signed header declares, and where its content is fetched (while it is kept). */
    record AttachmentView(String id, String fileName, String mimeType, long size, String sha256, String link) {

        static AttachmentView of(LoggedAttachment a) {
            return new AttachmentView(a.id(), a.fileName(), a.mimeType(), a.size(), a.sha256(),
                    AttachmentController.PATH + "/" + a.sha256());
        }
    }

    static MessageView of(LoggedMessage message, List<StateChange> history, DeliveryView delivery) {
        LogEntry e = message.entry();
        return new MessageView(e.seq(), e.messageId(), e.direction(), e.conversationId(), e.inReplyTo(), e.agreementId(),
                e.from(), e.to(), e.documentType(), e.created(), e.loggedAt(), e.digest(), e.size(), e.receiptDigest(),
                e.attachments().stream().map(AttachmentView::of).toList(), message.state(), message.stateAt(), history, delivery);
    }

    /** Without history, as in a page of search results. */
    static MessageView of(LoggedMessage message) {
        return of(message, null, null);
    }
}
