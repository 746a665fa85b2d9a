package org.lmx.processes.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The entries and exits recorded on each permit (table {@code permit_movement}, V10), written in the caller's
 * transaction (the tracking step that takes the BorderCrossingEvent).
 */
public class MovementLog {

    private final JdbcTemplate jdbc;

    public MovementLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the crossing unless this permit already has the border service's EventId (the border service may
     * report a crossing again under a new MessageId); true if it was new.
     */
    public boolean record(Movement movement) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM permit_movement WHERE permit_number = ?"
                + " AND event_id = ?", Integer.class, movement.permitNumber(), movement.eventId());
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("INSERT INTO permit_movement (permit_number, event_id, direction, occurred_at, crossing_point,"
                        + " crossing_region, message_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                movement.permitNumber(), movement.eventId(), movement.direction(), movement.occurredAt(),
                movement.crossingPoint(), movement.crossingRegion(), movement.messageId(), movement.recordedAt());
        return true;
    }

    /** The permit's crossings, oldest first. */
    public List<Movement> of(String permitNumber) {
        return jdbc.query("SELECT permit_number, event_id, direction, occurred_at, crossing_point, crossing_region,"
                + " message_id, recorded_at FROM permit_movement WHERE permit_number = ?"
                + " ORDER BY occurred_at, event_id", MovementLog::row, permitNumber);
    }

    private static Movement row(ResultSet rs, int n) throws SQLException {
        return new Movement(rs.getString("permit_number"), rs.getString("event_id"), rs.getString("direction"),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("crossing_point"),
                rs.getString("crossing_region"), rs.getString("message_id"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
