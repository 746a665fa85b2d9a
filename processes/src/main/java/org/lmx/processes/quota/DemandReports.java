package org.lmx.processes.quota;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.RegionalDemandReport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The akimats' RegionalDemandReports (table {@code regional_demand}, V11), recorded as the dispatcher hands them
 * over, in its transaction; the quota-refresh process reads a year's lines when it runs. A region's latest report
 * for a year (the one dispatched last) replaces its earlier one. A report is taken only from the akimat of its
 * region ({@code KAZ:AKIMAT-23} for {@code KZ-23}): the schema says so, the exchange cannot check it.
 */
public class DemandReports {

    public static final String DOCUMENT_TYPE = "RegionalDemandReport";
    private static final String AKIMAT = "KAZ:AKIMAT-";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DemandReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the report's lines in the caller's transaction; the outcome's note goes into the message's history. */
    public DispatchOutcome record(ReceivedDocument document) {
        RegionalDemandReport report = ContractXml.body(document.signed(), RegionalDemandReport.class);
        int year = report.getYear().getValue();
        String region = report.getRegion().value();
        if (!document.from().equals(AKIMAT + region.substring(3))) {
            return new DispatchOutcome(Kind.UNMATCHED, null, "not recorded: " + document.from()
                    + " reported demand for region " + region + ", which only " + AKIMAT + region.substring(3)
                    + " reports");
        }
        int replaced = jdbc.update("DELETE FROM regional_demand WHERE demand_year = ? AND region = ?", year, region);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int number = 0;
        for (RegionalDemandReport.DemandLine line : report.getDemandLine()) {
            jdbc.update("INSERT INTO regional_demand (message_id, line_number, demand_year, region, reported_by,"
                            + " report_reference, sector, isco_code, job_title, requested, local_candidates, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    document.messageId(), ++number, year, region, document.from(), report.getReportReference(),
                    line.getSector().value(), line.getProfession().getIscoCode(), line.getProfession().getJobTitle(),
                    line.getRequestedWorkers().intValueExact(), line.getLocalCandidatesAvailable().intValueExact(), now);
        }
        return new DispatchOutcome(Kind.RECORDED, null, "recorded " + number + " demand lines of " + region + " for "
                + year + " (report " + report.getReportReference() + ")"
                + (replaced > 0 ? ", replacing the region's earlier report" : ""));
    }

    /** The year's demand lines of every region (each region's latest report), by region, sector and profession. */
    public List<DemandLine> lines(int year) {
        return jdbc.query("SELECT demand_year, region, reported_by, report_reference, sector, isco_code, job_title,"
                        + " requested, local_candidates FROM regional_demand WHERE demand_year = ?"
                        + " ORDER BY region, sector, isco_code",
                (rs, i) -> new DemandLine(rs.getInt("demand_year"), rs.getString("region"), rs.getString("reported_by"),
                        rs.getString("report_reference"), rs.getString("sector"), rs.getString("isco_code"),
                        rs.getString("job_title"), rs.getInt("requested"), rs.getInt("local_candidates")),
                year);
    }
}
