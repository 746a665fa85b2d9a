package org.lmx.processes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.processes.consular.ConsularVariables;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.processes.testing.StatisticsEngine;
import org.lmx.processes.tracking.ComplianceAlertLog;
import org.lmx.processes.vetting.ContractVettingVariables;
import org.lmx.processes.workpermit.WorkPermitVariables;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The monthly StatisticsReport to the statistics bureau (KAZ:BNS) for October 2026: Korean welders for Atyrau and
 * Almaty, a Korean software developer on a skills visa, an Uzbek mining engineer transferred within his company;
 * an overstay and work outside the permitted regions flagged to the migration police; contracts of citizens going
 * to Korea and the Emirates vetted (a wage below Korea's minimum, a passport kept by the recruiter); consular cases
 * of unpaid wages and a confiscated passport in Dubai. Month bounds are midnight in Almaty (UTC+5).
 */
@Deployment(resources = StatisticsEngine.BPMN)
class StatisticsReportTest {

    static final StatisticsEngine WORLD = StatisticsEngine.get();
    static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(WORLD.engine).build();

    ProcessEngine engine;

    @BeforeEach
    void resetTheWorld() {
        engine = WORLD.engine;
        WORLD.reset();
        BpmnAwareTests.init(engine);
    }

    @Test
    void octobersReportCountsPermitsFlagsContractsAndConsularCasesOfTheMonthOnly() {
        seedOctober();
        WORLD.clock.set(at(2026, 11, 2, 10, 0));

        ProcessInstance run = request("2026-10");

        assertThat(run).isEnded().hasPassed("sendReport");
        assertThat(run.getBusinessKey()).isEqualTo("statistics-report-2026-10");
        List<Issued> sent = WORLD.sender.ofType("StatisticsReport");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).document().to()).isEqualTo("KAZ:BNS");
        String report = new String(sent.get(0).document().document(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).contains("<ReportReference>BNS-STAT-2026-10</ReportReference>",
                "<From>2026-10-01</From>", "<To>2026-10-31</To>");
        Map<String, String> v = values(sent.get(0).document().document());
        // four permits in October (the one of 30 September 23:30 and of 1 November 00:10 Almaty are not)
        assertThat(v).containsEntry("PERMITS_GRANTED", "4")
                .containsEntry("PERMITS_GRANTED Category=STANDARD", "2")
                .containsEntry("PERMITS_GRANTED Category=SKILLS_VISA", "1")
                .containsEntry("PERMITS_GRANTED Category=INTRA_CORPORATE", "1")
                .containsEntry("PERMITS_GRANTED Sector=F", "2")
                .containsEntry("PERMITS_GRANTED Sector=J", "1")
                .containsEntry("PERMITS_GRANTED Sector=B", "1")
                // the welder valid in Atyrau and Almaty counts in both regions
                .containsEntry("PERMITS_GRANTED Region=KZ-23", "3")
                .containsEntry("PERMITS_GRANTED Region=KZ-75", "2")
                .containsEntry("PERMITS_GRANTED Citizenship=KOR", "3")
                .containsEntry("PERMITS_GRANTED Citizenship=UZB", "1")
                // ISCO 2512 and 2144 are skilled, the welders (7212) are not: 2 of 4
                .containsEntry("PERMITS_GRANTED_SKILLED", "2")
                .containsEntry("PERMITS_GRANTED_SKILLED_SHARE", "50.00")
                .containsEntry("PERMITS_VALID_AT_PERIOD_END", "5")
                .containsEntry("COMPLIANCE_ALERTS_ISSUED", "3")
                .containsEntry("COMPLIANCE_ALERTS_ISSUED AlertType=OVERSTAY", "1")
                .containsEntry("COMPLIANCE_ALERTS_ISSUED AlertType=WORK_OUTSIDE_PERMITTED_REGIONS", "2")
                .containsEntry("CONTRACTS_ABROAD_REGISTERED", "1")
                .containsEntry("CONTRACTS_ABROAD_VETTED", "3")
                .containsEntry("CONTRACTS_ABROAD_VETTED ContractVerdict=APPROVED", "1")
                .containsEntry("CONTRACTS_ABROAD_VETTED ContractVerdict=AMENDMENT_REQUIRED", "1")
                .containsEntry("CONTRACTS_ABROAD_VETTED ContractVerdict=REJECTED", "1")
                .containsEntry("CONTRACTS_ABROAD_FLAGGED", "2")
                .containsEntry("CONTRACTS_ABROAD_FLAGGED ContractRule=PASSPORT_RETENTION", "2")
                .containsEntry("CONTRACTS_ABROAD_FLAGGED ContractRule=WAGE_BELOW_HOST_MINIMUM", "1")
                .containsEntry("CONTRACTS_ABROAD_FLAGGED ContractRule=RECRUITMENT_FEE_CHARGED", "1")
                .containsEntry("CONSULAR_CASES_OPENED", "3")
                .containsEntry("CONSULAR_CASES_OPENED ConsularIndicator=UNPAID_WAGES", "2")
                .containsEntry("CONSULAR_CASES_OPENED ConsularIndicator=PASSPORT_CONFISCATED", "1")
                .containsEntry("CONSULAR_CASES_OPENED ConsularIndicator=DEBT_BONDAGE", "1")
                .containsEntry("CONSULAR_CASES_CLOSED", "2")
                .containsEntry("CONSULAR_CASES_CLOSED ConsularOutcome=WAGES_RECOVERED", "1")
                .containsEntry("CONSULAR_CASES_CLOSED ConsularOutcome=REPATRIATED", "1")
                .containsEntry("CONSULAR_CASES_CLOSED ConsularOutcome=DOCUMENTS_RETURNED", "1")
                .containsEntry("PERMIT_APPLICATIONS_RECEIVED", "2")
                .containsEntry("PERMIT_HOLDER_ENTRIES", "1")
                .containsEntry("QUOTA_LIMIT", "500")
                .containsEntry("QUOTA_PLACES_USED", "1");
        assertThat(v).doesNotContainKey("COMPLIANCE_ALERTS_ISSUED AlertType=WORK_WITHOUT_PERMIT");
        assertThat(WORLD.reports.find(java.time.YearMonth.of(2026, 10))).get()
                .satisfies(r -> assertThat(r.messageId()).isEqualTo(sent.get(0).messageId()));
    }

    @Test
    void aSecondRunOfTheSameMonthSendsNothingNew() {
        seedOctober();
        WORLD.clock.set(at(2026, 11, 2, 10, 0));
        request("2026-10");

        ProcessInstance again = request("2026-10");

        assertThat(again).isEnded().hasPassed("alreadyReported").hasNotPassed("sendReport");
        assertThat(WORLD.sender.ofType("StatisticsReport")).hasSize(1);
        assertThat(WORLD.sender.repeats()).isEmpty();
    }

    @Test
    void theMonthlyTimerSendsLastMonthOnTheFirstWorkingDayAt06InAlmaty() {
        // 2 February 2026 09:00 Almaty: February's first working day has passed; 1 March 2026 is a Sunday
        permit("KZ-WP-2026-000101", "KOR", "2512", "SKILLS_VISA", "J", at(2026, 2, 10, 12, 0), "KZ-75");
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(at(2026, 3, 2, 6, 0));

        WORLD.clock.set(at(2026, 3, 2, 6, 0));
        engine.getManagementService().executeJob(timer.getId());

        List<Issued> sent = WORLD.sender.ofType("StatisticsReport");
        assertThat(sent).hasSize(1);
        Map<String, String> v = values(sent.get(0).document().document());
        assertThat(new String(sent.get(0).document().document(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<From>2026-02-01</From>", "<To>2026-02-28</To>");
        assertThat(v).containsEntry("PERMITS_GRANTED", "1").containsEntry("PERMITS_GRANTED_SKILLED_SHARE", "100.00");
        assertThat(WORLD.reports.find(java.time.YearMonth.of(2026, 2))).isPresent();
        // the next start: Wednesday 1 April 2026
        Job next = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(next.getDuedate().toInstant()).isEqualTo(at(2026, 4, 1, 6, 0));
    }

    @Test
    void anEmptyMonthIsReportedWithZeroTotals() {
        WORLD.clock.set(at(2026, 8, 3, 9, 0));

        request("2026-07");

        Map<String, String> v = values(WORLD.sender.ofType("StatisticsReport").get(0).document().document());
        assertThat(v).containsEntry("PERMITS_GRANTED", "0").containsEntry("PERMITS_GRANTED_SKILLED_SHARE", "0.00")
                .containsEntry("CONSULAR_CASES_OPENED", "0").containsEntry("COMPLIANCE_ALERTS_ISSUED", "0");
        assertThat(v.keySet()).allMatch(k -> !k.contains("="));
    }

    // ---- the month's facts ----

    private void seedOctober() {
        permit("KZ-WP-2026-000001", "KOR", "7212", "STANDARD", "F", at(2026, 10, 1, 0, 0), "KZ-23", "KZ-75");
        permit("KZ-WP-2026-000002", "KOR", "2512", "SKILLS_VISA", "J", at(2026, 10, 14, 11, 0), "KZ-75");
        permit("KZ-WP-2026-000003", "UZB", "2144", "INTRA_CORPORATE", "B", at(2026, 10, 20, 16, 30), "KZ-23");
        permit("KZ-WP-2026-000004", "KOR", "7212", "STANDARD", "F", at(2026, 10, 31, 23, 30), "KZ-23");
        permit("KZ-WP-2026-000005", "KOR", "7212", "STANDARD", "F", at(2026, 9, 30, 23, 30), "KZ-23");
        permit("KZ-WP-2026-000006", "TJK", "7212", "STANDARD", "F", at(2026, 11, 1, 0, 10), "KZ-23");
        var jdbc = WORLD.database.jdbc();
        jdbc.update("INSERT INTO permit_movement (permit_number, event_id, direction, occurred_at, crossing_point,"
                + " message_id, recorded_at) VALUES ('KZ-WP-2026-000002', 'EV-1', 'ENTRY', ?, 'ALA-AIRPORT',"
                + " 'm-entry', ?)", odt(2026, 10, 20, 8, 0), odt(2026, 10, 20, 8, 5));
        jdbc.update("INSERT INTO quota_line (quota_year, sector, region, places, taken) VALUES (2026, 'F', 'KZ-23', 300,"
                + " 1), (2026, 'J', 'KZ-75', 200, 0)");
        jdbc.update("INSERT INTO quota_reservation (case_reference, region, quota_year, sector, partner, reserved_at)"
                + " VALUES ('WP-2026-000001', 'KZ-23', 2026, 'F', 'KOR:MOEL', ?)", odt(2026, 9, 25, 9, 0));
        ComplianceAlertLog alerts = new ComplianceAlertLog(jdbc);
        alerts.record("CA-2026-000001", "OVERSTAY", "KZ-WP-2026-000005", null, "m1", odt(2026, 10, 2, 0, 0));
        alerts.record("CA-2026-000002", "WORK_OUTSIDE_PERMITTED_REGIONS", "KZ-WP-2026-000003", "KZ-47", "m2",
                odt(2026, 10, 15, 9, 0));
        alerts.record("CA-2026-000003", "WORK_OUTSIDE_PERMITTED_REGIONS", "KZ-WP-2026-000001", "KZ-47", "m3",
                odt(2026, 10, 31, 23, 59));
        alerts.record("CA-2026-000003", "WORK_OUTSIDE_PERMITTED_REGIONS", "KZ-WP-2026-000001", "KZ-47", "m3",
                odt(2026, 10, 31, 23, 59));
        alerts.record("CA-2026-000004", "WORK_WITHOUT_PERMIT", null, "KZ-47", "m4", odt(2026, 9, 30, 23, 59));
        contract("CV-2026-000001", "KOR", "APPROVED", "", at(2026, 10, 5, 12, 0));
        contract("CV-2026-000002", "KOR", "AMENDMENT_REQUIRED", "WAGE_BELOW_HOST_MINIMUM PASSPORT_RETENTION",
                at(2026, 10, 6, 12, 0));
        contract("CV-2026-000003", "ARE", "REJECTED", "PASSPORT_RETENTION RECRUITMENT_FEE_CHARGED",
                at(2026, 10, 7, 12, 0));
        contract("CV-2026-000004", "ARE", "REJECTED", "PASSPORT_RETENTION", at(2026, 9, 7, 12, 0));
        openCase(ContractVettingVariables.PROCESS_KEY, at(2026, 10, 5, 11, 0), Map.of());
        openCase(ContractVettingVariables.PROCESS_KEY, at(2026, 9, 30, 11, 0), Map.of());
        openCase(WorkPermitVariables.PROCESS_KEY, at(2026, 10, 3, 11, 0), Map.of());
        openCase(WorkPermitVariables.PROCESS_KEY, at(2026, 10, 30, 11, 0), Map.of());
        String dubai = openCase(ConsularVariables.PROCESS_KEY, at(2026, 10, 3, 10, 0),
                Map.of(ConsularVariables.INDICATORS, "UNPAID_WAGES PASSPORT_CONFISCATED"));
        String seoul = openCase(ConsularVariables.PROCESS_KEY, at(2026, 10, 9, 10, 0),
                Map.of(ConsularVariables.INDICATORS, "UNPAID_WAGES"));
        openCase(ConsularVariables.PROCESS_KEY, at(2026, 10, 29, 10, 0),
                Map.of(ConsularVariables.INDICATORS, "DEBT_BONDAGE"));
        String september = openCase(ConsularVariables.PROCESS_KEY, at(2026, 9, 20, 10, 0),
                Map.of(ConsularVariables.INDICATORS, "UNSAFE_CONDITIONS"));
        closeCase(dubai, at(2026, 10, 28, 15, 0), "WAGES_RECOVERED REPATRIATED");
        closeCase(september, at(2026, 10, 2, 15, 0), "DOCUMENTS_RETURNED");
        closeCase(seoul, at(2026, 11, 3, 15, 0), "RESOLVED_OTHERWISE");
    }

    private void permit(String number, String citizenship, String isco, String category, String sector,
                        Instant decidedAt, String... regions) {
        WORLD.database.jdbc().update("INSERT INTO permit (permit_number, case_reference, application_id,"
                        + " applicant_partner, category, holder_surname, holder_birth_date, holder_citizenship,"
                        + " travel_document_kind, travel_document_number, travel_document_state, employer_bin,"
                        + " employer_name, profession_isco, job_title, sector, regions, valid_from, valid_to,"
                        + " decided_at) VALUES (?, ?, ?, 'KOR:MOEL', ?, 'TEST', DATE '1990-01-01', ?, 'PASSPORT',"
                        + " ?, ?, '123456789012', 'Employer LLP', ?, 'Job', ?, ?, ?, ?, ?)",
                number, "WP-" + number, java.util.UUID.randomUUID().toString(), category, citizenship,
                "M" + number.substring(number.length() - 6), citizenship, isco, sector, String.join(" ", regions),
                LocalDate.ofInstant(decidedAt, ALMATY), LocalDate.ofInstant(decidedAt, ALMATY).plusYears(1),
                decidedAt.atOffset(ALMATY));
        for (String region : regions) {
            WORLD.database.jdbc().update("INSERT INTO permit_region (permit_number, region) VALUES (?, ?)", number,
                    region);
        }
    }

    private void contract(String caseReference, String host, String verdict, String flags, Instant vettedAt) {
        WORLD.database.jdbc().update("INSERT INTO contract_register (case_reference, registration_id,"
                        + " registration_reference, conversation_id, sender, travel_document_number,"
                        + " travel_document_state, citizen_surname, host_country, employer_name, employer_registration,"
                        + " contract_from, contract_to, verdict, flags, vetted_at) VALUES (?, ?, ?, ?, 'KAZ:MFA',"
                        + " 'N0000000', 'KAZ', 'TEST', ?, 'Employer', 'REG', DATE '2026-11-01', DATE '2027-10-31',"
                        + " ?, ?, ?)", caseReference, java.util.UUID.randomUUID().toString(), "R-" + caseReference,
                java.util.UUID.randomUUID().toString(), host, verdict, flags, vettedAt.atOffset(ALMATY));
    }

    private String openCase(String processKey, Instant at, Map<String, Object> variables) {
        WORLD.clock.set(at);
        return engine.getRuntimeService().startProcessInstanceByKey(processKey, new LinkedHashMap<>(variables))
                .getId();
    }

    private void closeCase(String processInstanceId, Instant at, String outcomes) {
        WORLD.clock.set(at);
        engine.getRuntimeService().setVariable(processInstanceId, ConsularVariables.OUTCOMES, outcomes);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(processInstanceId).singleResult().getId());
    }

    private ProcessInstance request(String month) {
        return engine.getRuntimeService().createMessageCorrelation(StatisticsVariables.START_MESSAGE)
                .setVariable(StatisticsVariables.MONTH, month).correlateStartMessage();
    }

    /** The report's Indicators as "CODE" or "CODE Element=key" -> Value. */
    static Map<String, String> values(byte[] report) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList indicators = factory.newDocumentBuilder().parse(new ByteArrayInputStream(report))
                    .getElementsByTagNameNS("urn:lmx:exchange:1", "Indicator");
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < indicators.getLength(); i++) {
                String key = null;
                String value = null;
                String breakdown = "";
                NodeList children = indicators.item(i).getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    if (children.item(c) instanceof Element e) {
                        switch (e.getLocalName()) {
                            case "Code" -> key = e.getTextContent();
                            case "Value" -> value = e.getTextContent();
                            default -> breakdown = " " + e.getLocalName() + "=" + e.getTextContent();
                        }
                    }
                }
                assertThat(values.put(key + breakdown, value)).as("twice: " + key + breakdown).isNull();
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY).toInstant();
    }

    static OffsetDateTime odt(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY);
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
