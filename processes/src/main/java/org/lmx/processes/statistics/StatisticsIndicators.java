package org.lmx.processes.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lmx.processes.consular.ConsularVariables;
import org.lmx.processes.vetting.ContractVettingVariables;
import org.lmx.processes.workpermit.WorkPermitVariables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The policy's indicators for one month, measured where the processes keep them: the permit register (V8) for
 * permits by category, sector, region and citizenship and the share of skilled workers; the movements (V10); the
 * compliance alerts the permit tracking raised (V14); the contract register (V12); the quota ledger (V7); and
 * Camunda's history for applications received, contracts registered and consular cases opened and closed. The
 * month's bounds are midnight in {@code zone} (Almaty). Totals are always given (0 included); breakdowns only where
 * something was counted. Skilled = ISCO-08 major groups 1-3 (see {@link #SKILLED}).
 */
public class StatisticsIndicators {

    /**
     * ISCO-08 major groups 1 (managers), 2 (professionals) and 3 (technicians and associate professionals), the ILO's
     * skill levels 3 and 4: the definition the ILO and the OECD use for "high-skilled", and one every permit can be
     * measured by (its profession). The category (SKILLS_VISA, INTRA_CORPORATE) is the route of admission rather
     * than the worker's skill: a STANDARD permit for an engineer is skilled too. PERMITS_GRANTED by CATEGORY gives
     * the bureau the route-based view as well.
     */
    static final String SKILLED =
            "(profession_isco LIKE '1%' OR profession_isco LIKE '2%' OR profession_isco LIKE '3%')";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public StatisticsIndicators(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every indicator of the month, in the report's order. */
    public List<IndicatorValue> of(YearMonth month, CaseHistory history) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<IndicatorValue> values = new ArrayList<>();
        values.add(IndicatorValue.total("PERMIT_APPLICATIONS_RECEIVED",
                history.started(WorkPermitVariables.PROCESS_KEY, from.toInstant(), to.toInstant()).size()));
        permits(values, from, to);
        values.add(IndicatorValue.total("PERMITS_VALID_AT_PERIOD_END", count("SELECT COUNT(*) FROM permit"
                + " WHERE valid_from <= ? AND valid_to >= ? AND decided_at < ?", month.atEndOfMonth(),
                month.atEndOfMonth(), to)));
        values.add(IndicatorValue.total("QUOTA_LIMIT", count("SELECT COALESCE(SUM(places), 0) FROM quota_line"
                + " WHERE quota_year = ?", month.getYear())));
        values.add(IndicatorValue.total("QUOTA_PLACES_USED", count("SELECT COUNT(*) FROM quota_reservation"
                + " WHERE quota_year = ? AND reserved_at < ? AND (released_at IS NULL OR released_at >= ?)",
                month.getYear(), to, to)));
        values.add(IndicatorValue.total("PERMIT_HOLDER_ENTRIES", count("SELECT COUNT(*) FROM permit_movement"
                + " WHERE direction = 'ENTRY' AND occurred_at >= ? AND occurred_at < ?", from, to)));
        values.add(IndicatorValue.total("PERMIT_HOLDER_EXITS", count("SELECT COUNT(*) FROM permit_movement"
                + " WHERE direction = 'EXIT' AND occurred_at >= ? AND occurred_at < ?", from, to)));
        values.add(IndicatorValue.total("COMPLIANCE_ALERTS_ISSUED", count("SELECT COUNT(*) FROM compliance_alert"
                + " WHERE raised_at >= ? AND raised_at < ?", from, to)));
        values.addAll(grouped("COMPLIANCE_ALERTS_ISSUED", Breakdown.ALERT_TYPE, "SELECT alert_type, COUNT(*)"
                + " FROM compliance_alert WHERE raised_at >= ? AND raised_at < ? GROUP BY alert_type", from, to));
        contracts(values, history, from, to);
        consular(values, history, from, to);
        return values;
    }

    private void permits(List<IndicatorValue> values, OffsetDateTime from, OffsetDateTime to) {
        String inMonth = " FROM permit WHERE decided_at >= ? AND decided_at < ?";
        long granted = count("SELECT COUNT(*)" + inMonth, from, to);
        long skilled = count("SELECT COUNT(*)" + inMonth + " AND " + SKILLED, from, to);
        values.add(IndicatorValue.total("PERMITS_GRANTED", granted));
        values.addAll(grouped("PERMITS_GRANTED", Breakdown.CATEGORY,
                "SELECT category, COUNT(*)" + inMonth + " GROUP BY category", from, to));
        values.addAll(grouped("PERMITS_GRANTED", Breakdown.SECTOR,
                "SELECT sector, COUNT(*)" + inMonth + " GROUP BY sector", from, to));
        // a permit valid in several regions counts once in each (the schema's rule) and once in the total
        values.addAll(grouped("PERMITS_GRANTED", Breakdown.REGION, "SELECT r.region, COUNT(*) FROM permit p"
                + " JOIN permit_region r ON r.permit_number = p.permit_number"
                + " WHERE p.decided_at >= ? AND p.decided_at < ? GROUP BY r.region", from, to));
        values.addAll(grouped("PERMITS_GRANTED", Breakdown.CITIZENSHIP,
                "SELECT holder_citizenship, COUNT(*)" + inMonth + " GROUP BY holder_citizenship", from, to));
        values.add(IndicatorValue.total("PERMITS_GRANTED_SKILLED", skilled));
        values.addAll(grouped("PERMITS_GRANTED_SKILLED", Breakdown.CATEGORY,
                "SELECT category, COUNT(*)" + inMonth + " AND " + SKILLED + " GROUP BY category", from, to));
        values.add(new IndicatorValue("PERMITS_GRANTED_SKILLED_SHARE", Breakdown.TOTAL, null, granted == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(skilled * 100).divide(BigDecimal.valueOf(granted), 2, RoundingMode.HALF_UP)));
    }

    private void contracts(List<IndicatorValue> values, CaseHistory history, OffsetDateTime from,
                           OffsetDateTime to) {
        values.add(IndicatorValue.total("CONTRACTS_ABROAD_REGISTERED",
                history.started(ContractVettingVariables.PROCESS_KEY, from.toInstant(), to.toInstant()).size()));
        String inMonth = " FROM contract_register WHERE vetted_at >= ? AND vetted_at < ?";
        values.add(IndicatorValue.total("CONTRACTS_ABROAD_VETTED", count("SELECT COUNT(*)" + inMonth, from, to)));
        values.addAll(grouped("CONTRACTS_ABROAD_VETTED", Breakdown.CONTRACT_VERDICT,
                "SELECT verdict, COUNT(*)" + inMonth + " GROUP BY verdict", from, to));
        List<String> flags = jdbc.queryForList("SELECT flags" + inMonth + " AND flags <> ''", String.class, from, to);
        values.add(IndicatorValue.total("CONTRACTS_ABROAD_FLAGGED", flags.size()));
        values.addAll(tally("CONTRACTS_ABROAD_FLAGGED", Breakdown.CONTRACT_RULE, flags));
    }

    private void consular(List<IndicatorValue> values, CaseHistory history, OffsetDateTime from,
                          OffsetDateTime to) {
        List<String> opened = history.started(ConsularVariables.PROCESS_KEY, from.toInstant(), to.toInstant());
        values.add(IndicatorValue.total("CONSULAR_CASES_OPENED", opened.size()));
        values.addAll(tally("CONSULAR_CASES_OPENED", Breakdown.CONSULAR_INDICATOR,
                history.texts(opened, ConsularVariables.INDICATORS)));
        List<String> closed = history.finished(ConsularVariables.PROCESS_KEY, from.toInstant(), to.toInstant());
        values.add(IndicatorValue.total("CONSULAR_CASES_CLOSED", closed.size()));
        values.addAll(tally("CONSULAR_CASES_CLOSED", Breakdown.CONSULAR_OUTCOME,
                history.texts(closed, ConsularVariables.OUTCOMES)));
    }

    /** Counts each code once per text it appears in. */
    private static List<IndicatorValue> tally(String code, Breakdown by, List<String> texts) {
        Map<String, Long> counts = new TreeMap<>();
        for (String text : texts) {
            Arrays.stream(text.trim().split("[\\s,;]+")).filter(s -> !s.isEmpty()).distinct()
                    .forEach(c -> counts.merge(c, 1L, Long::sum));
        }
        return counts.entrySet().stream().map(e -> IndicatorValue.of(code, by, e.getKey(), e.getValue())).toList();
    }

    private List<IndicatorValue> grouped(String code, Breakdown by, String sql, Object... args) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts.entrySet().stream().map(e -> IndicatorValue.of(code, by, e.getKey(), e.getValue())).toList();
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
