package org.lmx.routes.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DELIVER rows of the outbox as a pull partner sees them: its documents wait there, oldest first, until its
 * receipt reconciles them. Fetching does not take a row; reconciling does.
 */
public class PullQueue {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PullQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The oldest pending deliveries the hub issued to {@code party} under the given agreements and not yet answered
     * by a receipt, of the given document types (any type when none is given).
     */
    public List<Outbox.Item> pending(String party, Collection<String> agreementIds, List<String> documentTypes, int max) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.id, o.message_id FROM outbox o JOIN message_log m ON m.message_id = o.message_id"
                + " WHERE o.kind = ? AND o.done_at IS NULL AND m.direction = 'OUTBOUND' AND m.to_party = ?"
                + " AND m.state NOT IN ('DELIVERED', 'REJECTED_BY_RECIPIENT') AND m.agreement_id IN (");
        args.add(Outbox.Kind.DELIVER.name());
        args.add(party);
        sql.append(String.join(", ", Collections.nCopies(agreementIds.size(), "?"))).append(")");
        args.addAll(agreementIds);
        if (!documentTypes.isEmpty()) {
            sql.append(" AND m.document_type IN (").append(String.join(", ", Collections.nCopies(documentTypes.size(), "?")))
                    .append(")");
            args.addAll(documentTypes);
        }
        sql.append(" ORDER BY m.seq LIMIT ?");
        args.add(max);
        return jdbc.query(sql.toString(), (rs, i) -> new Outbox.Item(rs.getLong(1), rs.getString(2)), args.toArray());
    }

    /**
     * The message's state, its row locked until the caller's transaction ends: a receipt reconciled meanwhile
     * waits for the fetch (or the fetch sees it), so that SENT never overwrites DELIVERED.
     */
    public Optional<MessageState> lockState(String messageId) {
        return jdbc.query("SELECT state FROM message_log WHERE message_id = ? FOR UPDATE",
                (rs, i) -> MessageState.valueOf(rs.getString(1)), messageId).stream().findFirst();
    }

    /** The message's delivery is done (its receipt reconciled); false when it was done already. */
    public boolean done(String messageId) {
        return jdbc.update("UPDATE outbox SET done_at = ? WHERE message_id = ? AND kind = ? AND done_at IS NULL",
                clock.instant().atOffset(java.time.ZoneOffset.UTC), messageId, Outbox.Kind.DELIVER.name()) > 0;
    }
}
