package org.lmx.routes.log;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges signed bodies and attachment contents at the end of their agreement's Retention/MessageBodies, counted
 * from the last message of their conversation (the end of the case; a message of no case is a conversation of its
 * own). Metadata, digests, receipts and the chain stay: the chain covers metadata and digests only, and receipts
 * are the hub's and its counterparties' signed evidence of what was exchanged, small and free of personal data.
 * Only messages whose exchange is over are purged: inbound DISPATCHED, outbound DELIVERED, REJECTED_BY_RECIPIENT or
 * FAILED (a body still to be delivered or dispatched is never taken).
 *
 * <p>Safe on several nodes at once: each message is purged in a transaction that holds the chain's head row (as
 * appends do), records the purge first and skips a message another node recorded. An attachment content goes only
 * when no message that declares it still has its body, so a newer message that shares it keeps it; an append that
 * brings the same content again after a purge stores it again (MessageLog.keepContent).
 */
public class RetentionPurge {

    /** At most this many purged messages are listed in a report; the counts cover all. */
    public static final int LISTED = 500;

    private static final String FINISHED = "'DISPATCHED', 'DELIVERED', 'REJECTED_BY_RECIPIENT', 'FAILED'";
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BodyRetention retention;

    public RetentionPurge(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                          BodyRetention retention) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.retention = retention;
    }

    /** Purges what is past its retention now; with {@code dryRun} only reports what it would purge. */
    public RetentionReport purge(boolean dryRun) {
        Instant now = clock.instant();
        List<RetentionReport.Purged> listed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long bodies = 0;
        long bytes = 0;
        long attachments = 0;
        List<String> agreements = jdbc.queryForList("SELECT DISTINCT agreement_id FROM message_log WHERE body IS NOT NULL"
                + " ORDER BY agreement_id", String.class);
        for (String agreementId : agreements) {
            Optional<Period> period = retention.of(agreementId);
            if (period.isEmpty()) {
                skipped.add(agreementId);
                continue;
            }
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(period.get()).toInstant();
            long afterSeq = 0;
            while (true) {
                List<Candidate> batch = candidates(agreementId, cutoff, afterSeq);
                if (batch.isEmpty()) {
                    break;
                }
                for (Candidate c : batch) {
                    afterSeq = c.seq;
                    int purgedAttachments;
                    if (dryRun) {
                        purgedAttachments = attachmentsOnlyThisHolds(c.messageId);
                    } else {
                        Optional<Integer> done = purgeOne(c, agreementId, period.get().toString(), now);
                        if (done.isEmpty()) {
                            continue;
                        }
                        purgedAttachments = done.get();
                    }
                    bodies++;
                    bytes += c.size;
                    attachments += purgedAttachments;
                    if (listed.size() < LISTED) {
                        listed.add(new RetentionReport.Purged(c.messageId, c.conversationId, agreementId,
                                period.get().toString(), c.lastLogged, c.size, purgedAttachments));
                    }
                }
            }
        }
        return new RetentionReport(now, dryRun, bodies, bytes, attachments, listed, skipped);
    }

    /** When the body of a message was purged, if it was. */
    public Optional<Instant> purgedAt(String messageId) {
        return jdbc.query("SELECT purged_at FROM retention_purge WHERE message_id = ?",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant(), messageId).stream().findFirst();
    }

    private record Candidate(long seq, String messageId, String conversationId, long size, Instant lastLogged) {
    }

    /** Messages of the agreement with a body, finished, whose conversation has nothing logged since the cutoff. */
    private List<Candidate> candidates(String agreementId, Instant cutoff, long afterSeq) {
        return jdbc.query("SELECT m.seq, m.message_id, m.conversation_id, m.size_bytes,"
                        + " (SELECT MAX(n.logged_at) FROM message_log n WHERE n.conversation_id = m.conversation_id) last_logged"
                        + " FROM message_log m WHERE m.agreement_id = ? AND m.seq > ? AND m.body IS NOT NULL"
                        + " AND m.state IN (" + FINISHED + ") AND NOT EXISTS (SELECT 1 FROM message_log n"
                        + " WHERE n.conversation_id = m.conversation_id AND n.logged_at >= ?)"
                        + " ORDER BY m.seq LIMIT " + BATCH,
                (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()),
                agreementId, afterSeq, cutoff.atOffset(ZoneOffset.UTC));
    }

    /** Purges one message; empty when another node got there first. */
    private Optional<Integer> purgeOne(Candidate c, String agreementId, String period, Instant now) {
        return transactions.execute(status -> {
            // the head row: appends and other nodes' purges take turns with this one
            jdbc.queryForMap("SELECT last_seq FROM log_chain WHERE id = 1 FOR UPDATE");
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            int recorded = jdbc.update("INSERT INTO retention_purge (message_id, purged_at, agreement_id, retention,"
                            + " body_bytes, attachments_purged) SELECT ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS"
                            + " (SELECT 1 FROM retention_purge WHERE message_id = ?)",
                    c.messageId, at, agreementId, period, c.size, c.messageId);
            if (recorded == 0 || jdbc.update("UPDATE message_log SET body = NULL WHERE message_id = ? AND body IS NOT NULL",
                    c.messageId) == 0) {
                status.setRollbackOnly();
                return Optional.<Integer>empty();
            }
            int attachments = 0;
            for (String sha256 : declared(c.messageId)) {
                attachments += jdbc.update("UPDATE attachment_content SET content = NULL, purged_at = ?"
                        + " WHERE sha256 = ? AND content IS NOT NULL AND " + NO_BODY_STILL_DECLARES, at, sha256, sha256);
            }
            jdbc.update("UPDATE retention_purge SET attachments_purged = ? WHERE message_id = ?", attachments, c.messageId);
            return Optional.of(attachments);
        });
    }

    /** No message with a body still declares the content (the message being purged has none any more). */
    private static final String NO_BODY_STILL_DECLARES = "NOT EXISTS (SELECT 1 FROM message_attachment a"
            + " JOIN message_log m ON m.message_id = a.message_id WHERE a.sha256 = ? AND m.body IS NOT NULL)";

    private List<String> declared(String messageId) {
        return jdbc.queryForList("SELECT DISTINCT sha256 FROM message_attachment WHERE message_id = ?", String.class,
                messageId);
    }

    /** For a dry run: the contents only this message holds (others that declare them have no body). */
    private int attachmentsOnlyThisHolds(String messageId) {
        int count = 0;
        for (String sha256 : declared(messageId)) {
            Map<String, Object> row = jdbc.queryForMap("SELECT COUNT(*) n FROM message_attachment a JOIN message_log m"
                    + " ON m.message_id = a.message_id WHERE a.sha256 = ? AND m.body IS NOT NULL AND m.message_id <> ?",
                    sha256, messageId);
            Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM attachment_content WHERE sha256 = ?"
                    + " AND content IS NOT NULL", Integer.class, sha256);
            if (((Number) row.get("n")).intValue() == 0 && stored != null && stored > 0) {
                count++;
            }
        }
        return count;
    }
}
