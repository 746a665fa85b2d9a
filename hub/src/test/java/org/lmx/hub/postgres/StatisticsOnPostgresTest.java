package org.lmx.hub.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.processes.statistics.CaseHistory;
import org.lmx.processes.statistics.IndicatorValue;
import org.lmx.processes.statistics.StatisticsIndicators;
import org.lmx.processes.tracking.ComplianceAlertLog;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics bureau's indicators measured on PostgreSQL, production's database, with the same SQL as on H2
 * (the process tests): a Korean welder's permit in Atyrau and Mangystau granted on 31 October 2026 at 23:30 in
 * Almaty counts in October, an overstay flagged, a contract to Korea flagged for a wage below the minimum.
 */
class StatisticsOnPostgresTest {

    private static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);
    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        pool = TestPostgres.pool(TestPostgres.newDatabase(), "statistics", 2);
        TestPostgres.migrate(pool);
        jdbc = new JdbcTemplate(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void octobersIndicatorsOnPostgresql() {
        OffsetDateTime lastMinutes = OffsetDateTime.of(2026, 10, 31, 23, 30, 0, 0, ALMATY);
        jdbc.update("INSERT INTO permit (permit_number, case_reference, application_id, applicant_partner, category,"
                + " holder_surname, holder_birth_date, holder_citizenship, travel_document_kind, travel_document_number,"
                + " travel_document_state, employer_bin, employer_name, profession_isco, job_title, sector, regions,"
                + " valid_from, valid_to, decided_at) VALUES ('KZ-WP-2026-000001', 'WP-2026-000001',"
                + " '7c0e4f52-8d0b-4a7e-9a3e-000000000001', 'KOR:MOEL', 'STANDARD', 'PARK', DATE '1988-04-02', 'KOR',"
                + " 'PASSPORT', 'M715B2046', 'KOR', '120540017383', 'Tengiz Welding LLP', '7212', 'Welder', 'F',"
                + " 'KZ-23 KZ-47', DATE '2026-11-01', DATE '2027-10-31', ?)", lastMinutes);
        jdbc.update("INSERT INTO permit_region (permit_number, region) VALUES ('KZ-WP-2026-000001', 'KZ-23'),"
                + " ('KZ-WP-2026-000001', 'KZ-47')");
        jdbc.update("INSERT INTO quota_line (quota_year, sector, region, places, taken) VALUES (2026, 'F', 'KZ-23', 300,"
                + " 1)");
        jdbc.update("INSERT INTO quota_reservation (case_reference, region, quota_year, sector, partner, reserved_at)"
                + " VALUES ('WP-2026-000001', 'KZ-23', 2026, 'F', 'KOR:MOEL', ?)", lastMinutes.minusDays(3));
        new ComplianceAlertLog(jdbc).record("CA-2026-000001", "OVERSTAY", "KZ-WP-2026-000001", null, "m-1",
                OffsetDateTime.of(2026, 10, 12, 9, 0, 0, 0, ALMATY));
        jdbc.update("INSERT INTO contract_register (case_reference, registration_id, registration_reference,"
                + " conversation_id, sender, travel_document_number, travel_document_state, citizen_surname,"
                + " host_country, employer_name, employer_registration, contract_from, contract_to, verdict, flags,"
                + " vetted_at) VALUES ('CV-2026-000001', 'r-1', 'REG-1', 'c-1', 'KAZ:MFA', 'N1234567', 'KAZ', 'SEITKALI',"
                + " 'KOR', 'Hanbit Shipyard', 'KR-1', DATE '2026-11-01', DATE '2027-10-31', 'AMENDMENT_REQUIRED',"
                + " 'WAGE_BELOW_HOST_MINIMUM', ?)", OffsetDateTime.of(2026, 10, 5, 12, 0, 0, 0, ALMATY));

        Map<String, String> october = values(YearMonth.of(2026, 10));
        Map<String, String> november = values(YearMonth.of(2026, 11));

        assertThat(october).containsEntry("PERMITS_GRANTED", "1").containsEntry("PERMITS_GRANTED REGION KZ-23", "1")
                .containsEntry("PERMITS_GRANTED REGION KZ-47", "1").containsEntry("PERMITS_GRANTED CATEGORY STANDARD", "1")
                .containsEntry("PERMITS_GRANTED_SKILLED", "0").containsEntry("PERMITS_GRANTED_SKILLED_SHARE", "0.00")
                .containsEntry("COMPLIANCE_ALERTS_ISSUED ALERT_TYPE OVERSTAY", "1")
                .containsEntry("CONTRACTS_ABROAD_FLAGGED CONTRACT_RULE WAGE_BELOW_HOST_MINIMUM", "1")
                .containsEntry("QUOTA_LIMIT", "300").containsEntry("QUOTA_PLACES_USED", "1")
                .containsEntry("PERMITS_VALID_AT_PERIOD_END", "0");
        assertThat(november).containsEntry("PERMITS_GRANTED", "0").containsEntry("PERMITS_VALID_AT_PERIOD_END", "1")
                .containsEntry("COMPLIANCE_ALERTS_ISSUED", "0");
    }

    private static Map<String, String> values(YearMonth month) {
        Map<String, String> values = new TreeMap<>();
        for (IndicatorValue v : new StatisticsIndicators(jdbc, ZoneId.of("Asia/Almaty")).of(month, CaseHistory.NONE)) {
            values.put(v.code() + (v.key() == null ? "" : " " + v.by() + " " + v.key()), v.value().toPlainString());
        }
        return values;
    }
}
