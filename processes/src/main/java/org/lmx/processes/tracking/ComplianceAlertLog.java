package org.lmx.processes.tracking;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ComplianceAlerts the permit tracking raised (table {@code compliance_alert}, V14), written in the transaction
 * of the step that sends the alert, so an alert is counted exactly when it was issued. The statistics bureau's
 * monthly report counts them by type.
 */
public class ComplianceAlertLog {

    private final JdbcTemplate jdbc;

    public ComplianceAlertLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alert unless its reference is known (the sending step ran again after a failure). */
    public void record(String reference, String type, String permitNumber, String region, String messageId,
                       OffsetDateTime raisedAt) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM compliance_alert WHERE alert_reference = ?",
                Integer.class, reference);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("INSERT INTO compliance_alert (alert_reference, alert_type, permit_number, region, message_id,"
                + " raised_at) VALUES (?, ?, ?, ?, ?, ?)", reference, type, permitNumber, region, messageId, raisedAt);
    }
}
