package org.lmx.hub.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.MessageState;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauges read from the message log, so that they hold across restarts and nodes (every node reports the same
 * value: aggregate with max, not sum): messages without progress for longer than the threshold, per state that
 * should move on by itself (inbound ACCEPTED awaiting dispatch; outbound QUEUED, SENT awaiting the receipt,
 * RETRYING), and outbound messages FAILED (the operator's dead letters, {@code /api/deadletters}).
 */
final class MessageLogGauges {

    static final String STUCK = "lmx.messages.stuck";
    static final String FAILED = "lmx.outbound.failed";

    /** The states in which a message waits for the hub or its recipient, never for an operator. */
    static final List<StateOf> MOVING = List.of(new StateOf(Direction.INBOUND, MessageState.ACCEPTED),
            new StateOf(Direction.OUTBOUND, MessageState.QUEUED), new StateOf(Direction.OUTBOUND, MessageState.SENT),
            new StateOf(Direction.OUTBOUND, MessageState.RETRYING));

    record StateOf(Direction direction, MessageState state) {
        String key() {
            return direction + "/" + state;
        }
    }

    private MessageLogGauges() {
    }

    static void register(MeterRegistry registry, JdbcTemplate jdbc, Duration stuckAfter, Duration refresh, Clock clock) {
        RefreshedValues counts = new RefreshedValues(() -> counts(jdbc, clock, stuckAfter), refresh, clock);
        for (StateOf s : MOVING) {
            Gauge.builder(STUCK, counts, c -> c.get(s.key()))
                    .description("messages in a state that should move on by itself, unchanged for longer than "
                            + "lmx.observability.stuck-after (" + stuckAfter + ")")
                    .tags("direction", MetricTags.lower(s.direction()), "state", MetricTags.lower(s.state()))
                    // only the gauges hold the values: Micrometer's default weak reference reads NaN after a GC
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(FAILED, counts, c -> c.get(FAILED))
                .description("outbound messages FAILED after their last attempt, waiting for an operator's retry")
                .strongReference(true)
                .register(registry);
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc, Clock clock, Duration stuckAfter) {
        Map<String, Long> counts = new HashMap<>();
        // the index on (state, state_at) keeps these two cheap on a log of millions of entries
        jdbc.query("SELECT direction, state, COUNT(*) FROM message_log WHERE state IN (?, ?, ?, ?) AND state_at < ?"
                        + " GROUP BY direction, state",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                },
                MessageState.ACCEPTED.name(), MessageState.QUEUED.name(), MessageState.SENT.name(),
                MessageState.RETRYING.name(), clock.instant().minus(stuckAfter).atOffset(ZoneOffset.UTC));
        counts.put(FAILED, jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE state = ?", Long.class,
                MessageState.FAILED.name()));
        return counts;
    }
}
