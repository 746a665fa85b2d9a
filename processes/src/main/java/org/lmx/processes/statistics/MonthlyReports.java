package org.lmx.processes.statistics;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The months reported to the statistics bureau (table {@code statistics_report}, V14), one row per month. A case
 * claims its month in its own transaction: the primary key lets one claim win when two nodes, the timer and an
 * operator start the same month at once. The loser's insert waits on the winner's row and then fails on the key:
 * on H2 it is caught here; on PostgreSQL it aborts the transaction, so the loser's step fails and, run again by
 * the engine, finds the month claimed.
 */
public class MonthlyReports {

    /** A month claimed, and once sent, the StatisticsReport's MessageId. */
    public record MonthlyReport(String month, String reportReference, String processInstanceId, String messageId,
                                String conversationId, OffsetDateTime claimedAt, OffsetDateTime sentAt) {
    }

    private final JdbcTemplate jdbc;

    public MonthlyReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this case now holds the month; false if another case claimed it before. */
    public boolean claim(YearMonth month, String reportReference, String processInstanceId, String conversationId,
                         OffsetDateTime now) {
        if (find(month).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO statistics_report (report_month, report_reference, process_instance_id,"
                            + " conversation_id, claimed_at) VALUES (?, ?, ?, ?, ?)", month.toString(), reportReference,
                    processInstanceId, conversationId, now);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void sent(YearMonth month, String messageId, OffsetDateTime now) {
        jdbc.update("UPDATE statistics_report SET message_id = ?, sent_at = ? WHERE report_month = ?", messageId, now,
                month.toString());
    }

    public Optional<MonthlyReport> find(YearMonth month) {
        List<MonthlyReport> found = jdbc.query("SELECT report_month, report_reference, process_instance_id, message_id,"
                + " conversation_id, claimed_at, sent_at FROM statistics_report WHERE report_month = ?",
                (rs, n) -> new MonthlyReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)),
                month.toString());
        return found.stream().findFirst();
    }
}
