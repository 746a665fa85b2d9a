package org.lmx.routes.log;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every rejected inbound document: outside the message log's chain and outside duplicate detection. */
public class RejectionAudit {

    private static final int MAX_REASON = 4000;

    private final JdbcTemplate jdbc;

    public RejectionAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The header fields of a rejected document are whatever the sender wrote (a document is rejected precisely when
     * they are wrong): each is cut to its column, so that the rejection is recorded whatever their length.
     */
    public void record(Rejection r) {
        jdbc.update("INSERT INTO rejection (received_at, channel, digest, size_bytes, message_id, agreement_id,"
                        + " from_party, document_type, signer, code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                MessageLog.at(r.receivedAt()), clip(r.channel(), 40), r.digest(), r.size(), clip(r.messageId(), 36),
                clip(r.agreementId(), 64), clip(r.from(), 40), clip(r.documentType(), 64), clip(r.signer(), 40), r.code(),
                clip(r.reason(), MAX_REASON));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Newest first; filtered by MessageId and/or sender when given. */
    public List<Rejection> list(String messageId, String from, Instant since, int max) {
        StringBuilder sql = new StringBuilder("SELECT * FROM rejection WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (messageId != null) {
            sql.append(" AND message_id = ?");
            args.add(messageId);
        }
        if (from != null) {
            sql.append(" AND from_party = ?");
            args.add(from);
        }
        if (since != null) {
            sql.append(" AND received_at >= ?");
            args.add(MessageLog.at(since));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(max);
        return jdbc.query(sql.toString(), (rs, i) -> new Rejection(rs.getLong("id"), MessageLog.instant(rs, "received_at"),
                rs.getString("channel"), rs.getString("digest"), rs.getLong("size_bytes"), rs.getString("message_id"),
                rs.getString("agreement_id"), rs.getString("from_party"), rs.getString("document_type"),
                rs.getString("signer"), rs.getString("code"), rs.getString("reason")), args.toArray());
    }
}
