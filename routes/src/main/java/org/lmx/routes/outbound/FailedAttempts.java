package org.lmx.routes.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.lmx.routes.agreements.DeliveryPolicy;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a failed delivery attempt leaves, whatever the transport: RETRYING with the next attempt after the
 * agreement's backoff, or, after its last attempt, FAILED with the error (the outbox row done: a dead letter until
 * an operator retries it). A message receipted meanwhile by another way is simply done.
 */
class FailedAttempts {

    /** message_event.note's width */
    private static final int MAX_NOTE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(FailedAttempts.class);

    private final DeliveryAttempts attempts;
    private final MessageLog log;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FailedAttempts(DeliveryAttempts attempts, MessageLog log, PlatformTransactionManager transactionManager, Clock clock) {
        this.attempts = attempts;
        this.log = log;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Attempt {@code attempt} (counted from 1) of outbox row {@code rowId} failed with {@code error}. */
    void record(long rowId, String messageId, int attempt, DeliveryPolicy policy, String error) {
        LOG.warn("attempt {} of {} to deliver {} failed: {}", attempt, policy.maxAttempts(), messageId, error);
        transactions.executeWithoutResult(status -> {
            if (log.find(messageId).map(LoggedMessage::state).filter(FailedAttempts::receipted).isPresent()) {
                attempts.finish(rowId, null);
                return;
            }
            attempts.begin(rowId, attempt);
            String note = "attempt " + attempt + " of " + policy.maxAttempts() + " failed: " + error;
            if (attempt >= policy.maxAttempts()) {
                attempts.finish(rowId, error);
                log.changeState(messageId, MessageState.FAILED, DeliveryAttempts.clip(note, MAX_NOTE));
            } else {
                Instant next = clock.instant().plus(policy.backoffAfter(attempt)).truncatedTo(ChronoUnit.MILLIS);
                attempts.retryAt(rowId, next, error);
                log.changeState(messageId, MessageState.RETRYING, DeliveryAttempts.clip(note + "; next attempt at " + next, MAX_NOTE));
            }
        });
    }

    /** Delivered or rejected by its recipient: nothing is left to send. */
    static boolean receipted(MessageState state) {
        return state == MessageState.DELIVERED || state == MessageState.REJECTED_BY_RECIPIENT;
    }
}
