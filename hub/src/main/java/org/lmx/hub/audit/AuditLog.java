package org.lmx.hub.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit trail of operator actions (who, what, when), in the database beside what they changed. */
@Component
public class AuditLog {

    private static final int MAX_DETAILS = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String outcome, String details) {
        // values the caller does not control in length (file names, reasons) must never make the record fail
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, target, outcome, details) VALUES (?, ?, ?, ?, ?, ?)",
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), cut(actor, 100), cut(action, 100),
                cut(target, 200), cut(outcome, 50), cut(details, MAX_DETAILS));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** The latest events first. */
    public List<AuditEvent> latest(int limit) {
        return jdbc.query("SELECT id, occurred_at, actor, action, target, outcome, details FROM audit_event "
                        + "ORDER BY id DESC LIMIT ?",
                (rs, i) -> new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                limit);
    }

    public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String action, String target,
                             String outcome, String details) {
    }

}
