package org.lmx.routes.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.lmx.routes.log.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;

/** The attempts bookkeeping of the outbox's DELIVER rows (V5): how many, when the next is due, the last error. */
public class DeliveryAttempts {

    private static final int MAX_ERROR = 2000;

    /** A pending delivery: its outbox row, the attempts made so far and when the next is due (null: now). */
    public record Pending(long id, String messageId, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeliveryAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The pending deliveries of messages sent under the given agreements, due or not, in the order of the log. */
    public List<Pending> pending(Collection<String> agreementIds, int max) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(Outbox.Kind.DELIVER.name());
        args.addAll(agreementIds);
        args.add(max);
        return jdbc.query("SELECT o.id, o.message_id, o.attempts, o.next_attempt_at, o.last_error FROM outbox o"
                        + " JOIN message_log m ON m.message_id = o.message_id"
                        + " WHERE o.kind = ? AND o.done_at IS NULL AND m.agreement_id IN ("
                        + String.join(", ", Collections.nCopies(agreementIds.size(), "?")) + ")"
                        + " ORDER BY m.seq LIMIT ?",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString(5)), args.toArray());
    }

    /** The delivery row of a message (the latest), pending or done. */
    public Optional<Pending> of(String messageId) {
        return jdbc.query("SELECT id, message_id, attempts, next_attempt_at, last_error FROM outbox"
                        + " WHERE kind = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString(5)), Outbox.Kind.DELIVER.name(), messageId).stream().findFirst();
    }

    /** In the caller's transaction: the row is this node's until it ends, false when done or held by another node. */
    boolean claim(long id) {
        return Outbox.claim(jdbc, id);
    }

    /** Counts an attempt before it is made, so that a hub that crashes mid-call still stops after the maximum. */
    boolean begin(long id, int attempt) {
        return jdbc.update("UPDATE outbox SET attempts = ? WHERE id = ? AND done_at IS NULL", attempt, id) == 1;
    }

    /**
     * Takes the next attempt at a push delivery for this node: counts it and leases the row until {@code leaseUntil}
     * (the call's longest duration), so that another node's round neither finds it due during the call nor counts
     * the same attempt (compare-and-set on the attempts it saw). False when another node took it first.
     */
    boolean lease(long id, int attemptsSeen, Instant leaseUntil) {
        return jdbc.update("UPDATE outbox SET attempts = ?, next_attempt_at = ? WHERE id = ? AND done_at IS NULL AND attempts = ?",
                attemptsSeen + 1, leaseUntil.atOffset(ZoneOffset.UTC), id, attemptsSeen) == 1;
    }

    /** A failed attempt with attempts left: the next is due at {@code next}. */
    void retryAt(long id, Instant next, String error) {
        jdbc.update("UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?",
                next.atOffset(ZoneOffset.UTC), clip(error), id);
    }

    /** Nothing more to do: delivered, rejected by the recipient, or FAILED ({@code error} then says why). */
    boolean finish(long id, String error) {
        return jdbc.update("UPDATE outbox SET done_at = ?, next_attempt_at = NULL, last_error = ? WHERE id = ? AND done_at IS NULL",
                clock.instant().atOffset(ZoneOffset.UTC), clip(error), id) == 1;
    }

    /**
     * An operator's retry of a FAILED delivery: its row pending again, due now, attempts from zero, the last error
     * kept until the next attempt. False when the message is not FAILED or has no ended delivery row. The caller
     * moves the message out of FAILED in the same transaction.
     */
    public boolean reopen(String messageId) {
        return jdbc.update("UPDATE outbox SET done_at = NULL, attempts = 0, next_attempt_at = NULL WHERE done_at IS NOT NULL"
                + " AND id = (SELECT MAX(id) FROM outbox WHERE kind = ? AND message_id = ?)"
                + " AND EXISTS (SELECT 1 FROM message_log WHERE message_id = ? AND state = 'FAILED')",
                Outbox.Kind.DELIVER.name(), messageId, messageId) == 1;
    }

    static String clip(String error) {
        return clip(error, MAX_ERROR);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
