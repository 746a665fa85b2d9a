package org.lmx.routes.log;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/** The work written with a logged message, in the same transaction, and done once it is carried out. */
public class Outbox {

    /** What a row asks for; each kind has its own drainer. */
    public enum Kind {
        /** An accepted inbound document, to be handed to its process. */
        DISPATCH,
        /** A document the hub issued, to be delivered to its recipient. */
        DELIVER
    }

    /** One row of work: the message it is about. */
    public record Item(long id, String messageId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The oldest pending items of one kind that are due (not put off after a failure, see {@link #putOff}). */
    public List<Item> pending(Kind kind, int max) {
        return jdbc.query("SELECT id, message_id FROM outbox WHERE kind = ? AND done_at IS NULL"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
                (rs, i) -> new Item(rs.getLong(1), rs.getString(2)), kind.name(), MessageLog.at(clock.instant()), max);
    }

    /**
     * Counts a failed attempt at an item and puts it off: not due again before {@code backoff(attempts)} has passed,
     * so that items that keep failing neither fill every batch (starving the items behind them) nor the log.
     *
     * @return the attempts made so far, this one included
     */
    public int putOff(Item item, IntFunction<Duration> backoff, String error) {
        Integer attempts = jdbc.queryForObject("SELECT attempts FROM outbox WHERE id = ?", Integer.class, item.id());
        int made = (attempts == null ? 0 : attempts) + 1;
        jdbc.update("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND done_at IS NULL",
                made, MessageLog.at(clock.instant().plus(backoff.apply(made))),
                error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…", item.id());
        return made;
    }

    public long pendingCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Marks an item done; false when another worker did it first or is doing it now. In the caller's transaction,
     * the row is claimed without waiting ({@link #claim}), so that a node never queues behind another's dispatch.
     */
    public boolean done(Item item) {
        if (!claim(jdbc, item.id())) {
            return false;
        }
        return jdbc.update("UPDATE outbox SET done_at = ? WHERE id = ? AND done_at IS NULL",
                MessageLog.at(clock.instant()), item.id()) == 1;
    }

    /**
     * Locks a pending row until the caller's transaction ends, unless another transaction (another node's drainer)
     * holds it: then false at once ({@code SKIP LOCKED}, on PostgreSQL and H2 alike), as for a row done already.
     */
    public static boolean claim(JdbcTemplate jdbc, long id) {
        return !jdbc.queryForList("SELECT id FROM outbox WHERE id = ? AND done_at IS NULL FOR UPDATE SKIP LOCKED",
                Long.class, id).isEmpty();
    }
}
