package org.lmx.hub.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.lmx.routes.log.DataCipher;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The message log, counting outbound documents as they are issued and change state: every delivery step of every
 * transport passes through {@link #changeState}, so the counters need nothing from the routes. A step is counted
 * once its transaction commits (a delivery rolled back with the broker's send is not counted).
 */
public class MeteredMessageLog extends MessageLog {

    private record Outbound(String to, String documentType, Instant loggedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ExchangeMetrics metrics;

    public MeteredMessageLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, DataCipher cipher,
                      ExchangeMetrics metrics) {
        super(jdbc, transactions, clock, cipher);
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Appended append(NewMessage message) {
        Appended appended = super.append(message);
        LogEntry entry = message.entry();
        if (appended.fresh() && entry.direction() == Direction.OUTBOUND) {
            afterCommit(() -> metrics.queued(entry.to(), entry.documentType()));
        }
        return appended;
    }

    @Override
    public void changeState(String messageId, MessageState state, String note) {
        super.changeState(messageId, state, note);
        // read in the caller's transaction, which has just written the row
        List<Outbound> outbound = jdbc.query("SELECT to_party, document_type, logged_at FROM message_log"
                        + " WHERE message_id = ? AND direction = ?",
                (rs, i) -> new Outbound(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class))),
                messageId, Direction.OUTBOUND.name());
        if (!outbound.isEmpty()) {
            Outbound o = outbound.get(0);
            Instant at = clock.instant();
            afterCommit(() -> metrics.outboundStateChanged(o.to(), o.documentType(), state,
                    o.loggedAt() == null ? Duration.ZERO : Duration.between(o.loggedAt(), at)));
        }
    }

    private static void afterCommit(Runnable record) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run(); // the log's own transaction has committed already
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
