package org.lmx.routes.outbound;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;

/**
 * One round over pending deliveries in log order, whatever the transport: those due are attempted once each; a
 * conversation whose document waits (not yet due, or just failed) sends nothing after it, so that its documents
 * arrive in the order they were issued.
 */
final class DeliveryRound {

    /** One attempt at a due delivery; false when its conversation must wait behind it. */
    interface Attempt {
        boolean deliver(DeliveryAttempts.Pending item, LoggedMessage message);
    }

    private DeliveryRound() {
    }

    static void run(List<DeliveryAttempts.Pending> pending, MessageLog log, Instant now, Attempt attempt) {
        Set<String> held = new HashSet<>();
        for (DeliveryAttempts.Pending item : pending) {
            LoggedMessage message = log.find(item.messageId())
                    .orElseThrow(() -> new IllegalStateException("outbox item " + item.id() + " names no logged message"));
            String conversation = message.entry().conversationId();
            if (held.contains(conversation)) {
                continue;
            }
            if (item.nextAttemptAt() != null && item.nextAttemptAt().isAfter(now)) {
                held.add(conversation);
                continue;
            }
            try (LogContext ignored = LogContext.of(message.entry())) {
                if (!attempt.deliver(item, message)) {
                    held.add(conversation);
                }
            }
        }
    }
}
