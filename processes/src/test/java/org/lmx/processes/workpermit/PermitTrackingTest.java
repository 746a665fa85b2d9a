package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.processes.tracking.Movement;
import org.lmx.processes.tracking.MovementLog;
import org.lmx.xsd.exchange.v1.BorderCrossingDirection;
import org.lmx.xsd.exchange.v1.BorderCrossingEvent;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.WorkplaceReport;

/**
 * Movement tracking of permit holders (the mission: illegal employment falls): the Korean welder granted
 * KZ-WP-2026-000001 (KZ-23 and KZ-47, 2026-03-01 to 2027-02-28, passport M715B2046 of KOR) crosses the border and
 * is declared by his employer; the migration police (KAZ:MIA) hear of an overstay or of work outside his regions.
 */
class PermitTrackingTest extends WorkPermitCaseTest {

    private static final String PERMIT = "KZ-WP-2026-000001";

    private final MovementLog movements = new MovementLog(WORLD.database.jdbc());
    private String tracking;
    private ProcessInstance trackingInstance;
    /** The MessageId of the document dispatched last. */
    private String lastMessageId;

    /** Each test's first move (the deployment is there only once the test runs, after the BeforeEach methods). */
    private void grantTheWeldersPermit() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 5);
        WORLD.ledger.seed(2026, "F", "KZ-47", 5);
        String pid = apply(KOREA, Applications.standardWelder());
        cleanChecks(pid, KOREA);
        review(pid, Map.of("decision", "APPROVE", "reasons", "All checks clear"));
        assertThat(instance(pid)).isEnded().hasPassed("grantPermit", "startPermitTracking", "sendDecision");
        ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("permit-tracking").processInstanceBusinessKey(PERMIT).singleResult();
        assertThat(started).as("the permit's tracking").isNotNull();
        tracking = started.getId();
        trackingInstance = started;
        assertThat(started).isWaitingAt("watch");
    }

    @Test
    void koreanWeldersEntryAtAlmatyAirportIsRecordedOnHisPermit() {
        grantTheWeldersPermit();
        DispatchOutcome outcome = cross(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "ALA-2026-0226-1");

        assertThat(outcome.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(outcome.processInstanceId()).isEqualTo(tracking);
        assertThat(outcome.note()).contains("permit-tracking", PERMIT, "ENTRY", "M715B2046 (KOR)");
        List<Movement> recorded = movements.of(PERMIT);
        assertThat(recorded).extracting(Movement::direction, Movement::crossingPoint, Movement::crossingRegion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENTRY", "ALA-AIR", "KZ-75"));
        assertThat(recorded.get(0).occurredAt()).isEqualTo(OffsetDateTime.parse("2026-02-26T23:47:05+05:00"));
        assertThat(engine.getRuntimeService().getVariable(tracking, "inCountry")).isEqualTo(true);
        assertThat(WORLD.sender.ofType("ComplianceAlert")).isEmpty();
    }

    @Test
    void koreanWeldersExitBeforeThePermitEndsIsRecordedAndEndsTheTrackingWithoutAlert() {
        grantTheWeldersPermit();
        cross(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "ALA-2026-0226-1");
        DispatchOutcome exit = cross(BorderCrossingDirection.EXIT, "2027-02-20T08:15:00+05:00", "ALA-2027-0220-7");

        assertThat(exit.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(movements.of(PERMIT)).extracting(Movement::direction).containsExactly("ENTRY", "EXIT");
        assertThat(engine.getRuntimeService().getVariable(tracking, "inCountry")).isEqualTo(false);

        permitEnds();
        assertThat(processInstance()).isEnded().hasPassed("permitEnded", "trackingEnded")
                .hasNotPassed("sendOverstayAlert");
        assertThat(WORLD.sender.ofType("ComplianceAlert")).isEmpty();
    }

    @Test
    void koreanWelderStillInKazakhstanAfterHisPermitEndedIsFlaggedToMigrationPoliceAsOverstay() {
        grantTheWeldersPermit();
        cross(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "ALA-2026-0226-1");
        String entry = lastMessageId;

        permitEnds();

        List<Issued> alerts = WORLD.sender.ofType("ComplianceAlert");
        assertThat(alerts).hasSize(1);
        Issued alert = alerts.get(0);
        assertThat(alert.document().to()).isEqualTo("KAZ:MIA");
        assertThat(alert.document().conversationId()).as("the case's conversation, as its PermitDecision")
                .isEqualTo(WORLD.sender.ofType("PermitDecision").get(0).document().conversationId());
        assertThat(alert.document().requestKey()).startsWith(tracking + ":sendOverstayAlert:KAZ:MIA:CA-2027-");
        assertThat(xml(alert)).contains("<AlertType>OVERSTAY</AlertType>", "<PermitNumber>" + PERMIT,
                "<TravelDocumentNumber>M715B2046</TravelDocumentNumber>",
                "<EvidenceMessageId>" + entry + "</EvidenceMessageId>", "ended on 2027-02-28");
        // recorded for the statistics bureau's overstay flags, once, with the alert's MessageId
        assertThat(WORLD.database.jdbc().queryForList("SELECT alert_type || ' ' || permit_number || ' ' || message_id"
                + " FROM compliance_alert", String.class))
                .containsExactly("OVERSTAY " + PERMIT + " " + alert.messageId());
        assertThat(processInstance()).isWaitingAt("exitReported");

        cross(BorderCrossingDirection.EXIT, "2027-03-05T10:00:00+05:00", "NUR-2027-0305-2");
        assertThat(processInstance()).isEnded().hasPassed("recordLateCrossing", "trackingEnded");
        assertThat(movements.of(PERMIT)).extracting(Movement::direction).containsExactly("ENTRY", "EXIT");
        assertThat(WORLD.sender.ofType("ComplianceAlert")).hasSize(1);
    }

    @Test
    void koreanWelderDeclaredAtAShymkentSiteOutsideHisRegionsIsFlaggedToMigrationPolice() {
        grantTheWeldersPermit();
        DispatchOutcome outcome = report("KZ-79", "Shymkent", "SRC-WR-2026Q1-120540017383");

        assertThat(outcome.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(outcome.note()).contains(PERMIT, "no tracked permit for AD2095418 (UZB)");
        List<Issued> alerts = WORLD.sender.ofType("ComplianceAlert");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).document().to()).isEqualTo("KAZ:MIA");
        assertThat(xml(alerts.get(0))).contains("<AlertType>WORK_OUTSIDE_PERMITTED_REGIONS</AlertType>",
                "<Region>KZ-79</Region>", "<Locality>Shymkent</Locality>", "covers KZ-23, KZ-47 only",
                "<EvidenceMessageId>" + lastMessageId + "</EvidenceMessageId>");
        assertThat(WORLD.database.jdbc().queryForList("SELECT alert_type || ' ' || region FROM compliance_alert",
                String.class)).containsExactly("WORK_OUTSIDE_PERMITTED_REGIONS KZ-79");
        assertThat(processInstance()).isWaitingAt("watch");
    }

    @Test
    void koreanWelderDeclaredAtASiteInsideHisRegionsRaisesNoAlert() {
        grantTheWeldersPermit();
        DispatchOutcome outcome = report("KZ-23", "Atyrau", "SRC-WR-2026Q1-120540017383");

        assertThat(outcome.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(WORLD.sender.ofType("ComplianceAlert")).isEmpty();
        assertThat(processInstance()).isWaitingAt("watch");
    }

    @Test
    void aRedeliveredBorderCrossingOrWorkplaceReportIsRecordedAndAlertedOnce() {
        grantTheWeldersPermit();
        ReceivedDocument entry = Envelopes.received("KAZ:BORDER", "c-border", null,
                crossing(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "ALA-2026-0226-1"));
        assertThat(dispatch(entry).kind()).isEqualTo(Kind.CORRELATED);
        assertThat(dispatch(entry).kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        ReceivedDocument sameCrossingAgain = Envelopes.received("KAZ:BORDER", "c-border", null,
                crossing(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "ALA-2026-0226-1"));
        assertThat(dispatch(sameCrossingAgain).kind()).as("same EventId, new MessageId").isEqualTo(Kind.CORRELATED);
        assertThat(movements.of(PERMIT)).hasSize(1);

        ReceivedDocument report = Envelopes.received("KAZ:SRC", "c-src", null,
                workplaceReport("KZ-79", "Shymkent", "SRC-WR-2026Q1-120540017383"));
        assertThat(dispatch(report).kind()).isEqualTo(Kind.CORRELATED);
        assertThat(dispatch(report).kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        ReceivedDocument sameReportAgain = Envelopes.received("KAZ:SRC", "c-src", null,
                workplaceReport("KZ-79", "Shymkent", "SRC-WR-2026Q1-120540017383"));
        assertThat(dispatch(sameReportAgain).kind()).as("same report, new MessageId").isEqualTo(Kind.CORRELATED);

        assertThat(WORLD.sender.ofType("ComplianceAlert")).hasSize(1);
    }

    @Test
    void anAlertWhoseAnswerWasLostIsSentAgainAsTheSameDocumentNotASecondAlert() {
        grantTheWeldersPermit();
        WORLD.sender.loseAnswerOnce("KAZ:MIA");
        WORLD.dispatcher.dispatch(Envelopes.received("KAZ:SRC", "c-src", null,
                workplaceReport("KZ-79", "Shymkent", "SRC-WR-2026Q1-120540017383")));
        org.camunda.bpm.engine.runtime.Job send = engine.getManagementService().createJobQuery()
                .processInstanceId(tracking).activityId("sendRegionAlert").singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> engine.getManagementService().executeJob(send.getId())).hasMessageContaining("was lost");
        Issued first = WORLD.sender.ofType("ComplianceAlert").get(0);

        WORLD.clock.advance(Duration.ofHours(1));
        runJobs(tracking);

        assertThat(WORLD.sender.repeats()).containsExactly(first);
        assertThat(WORLD.sender.ofType("ComplianceAlert")).containsExactly(first);
        assertThat(processInstance()).isWaitingAt("watch");
    }

    @Test
    void aBorderCrossingOfAnUnknownTravelDocumentIsUnmatchedWithANote() {
        grantTheWeldersPermit();
        BorderCrossingEvent stranger = crossing(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "X-1");
        stranger.getTraveller().getTravelDocument().setNumber("M000000001");
        DispatchOutcome outcome = dispatch(Envelopes.received("KAZ:BORDER", "c-border", null, stranger));
        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.note()).contains("no permit in the register", "M000000001 (KOR)");

        BorderCrossingEvent otherState = crossing(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "X-2");
        otherState.getTraveller().getTravelDocument().setIssuingState("UZB");
        assertThat(dispatch(Envelopes.received("KAZ:BORDER", "c-border", null, otherState)).kind())
                .as("same number, another issuing state").isEqualTo(Kind.UNMATCHED);

        assertThat(dispatch(Envelopes.received("KAZ:MIA", "c-mia", null,
                crossing(BorderCrossingDirection.ENTRY, "2026-02-26T23:47:05+05:00", "X-3"))).note())
                .contains("from KAZ:BORDER only");
        assertThat(movements.of(PERMIT)).isEmpty();
        assertThat(WORLD.sender.ofType("ComplianceAlert")).isEmpty();
    }

    private DispatchOutcome cross(BorderCrossingDirection direction, String at, String eventId) {
        return dispatch(Envelopes.received("KAZ:BORDER", "c-border", null, crossing(direction, at, eventId)));
    }

    private DispatchOutcome report(String region, String locality, String reference) {
        return dispatch(Envelopes.received("KAZ:SRC", "c-src", null, workplaceReport(region, locality, reference)));
    }

    private DispatchOutcome dispatch(ReceivedDocument document) {
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(document);
        runJobs(tracking);
        lastMessageId = document.messageId();
        return outcome;
    }

    /** Time moves to the day after the permit's last day (2027-02-28) in Kazakhstan; the timer fires. */
    private void permitEnds() {
        WORLD.clock.advance(Duration.between(WORLD.clock.instant(),
                OffsetDateTime.parse("2027-03-01T00:00:01+05:00").toInstant()));
        runJobs(tracking);
    }

    /** The tracking as it started: assertions on it still work once it has ended. */
    private ProcessInstance processInstance() {
        return trackingInstance;
    }

    private static BorderCrossingEvent crossing(BorderCrossingDirection direction, String at, String eventId) {
        BorderCrossingEvent event = Envelopes.sample("BorderCrossingEvent", BorderCrossingEvent.class);
        event.setDirection(direction);
        event.setOccurredAt(OffsetDateTime.parse(at));
        event.setEventId(eventId);
        return event;
    }

    /** The sample report of an Almaty company, its first worker being the welder (the others hold no permit here). */
    private static WorkplaceReport workplaceReport(String region, String locality, String reference) {
        WorkplaceReport report = Envelopes.sample("WorkplaceReport", WorkplaceReport.class);
        report.setReportReference(reference);
        WorkplaceReport.Worker welder = report.getWorker().get(0);
        welder.getLatinName().setSurname("PARK");
        welder.getLatinName().setGivenNames("JIHOON");
        welder.setTravelDocumentNumber("M715B2046");
        welder.setTravelDocumentIssuingState("KOR");
        welder.setCitizenship("KOR");
        welder.setPermitNumber(PERMIT);
        welder.setWorkplaceRegion(RegionCode.fromValue(region));
        welder.getWorkplaceAddress().setRegion(RegionCode.fromValue(region));
        welder.getWorkplaceAddress().setLocality(locality);
        return report;
    }

    private static String xml(Issued issued) {
        return new String(issued.document().document(), StandardCharsets.UTF_8);
    }
}
