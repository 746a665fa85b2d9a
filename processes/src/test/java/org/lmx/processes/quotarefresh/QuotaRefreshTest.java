package org.lmx.processes.quotarefresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.quota.QuotaLine;
import org.lmx.processes.quota.QuotaPlaces;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.QuotaRefreshEngine;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.Profession;
import org.lmx.xsd.exchange.v1.QuotaNotice;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.RegionalDemandReport;

/**
 * The yearly quota of foreign labour: the regional demand of Atyrau (KZ-23: welders and pipefitters for Tengiz and
 * the petrochemical plant) and of Almaty city (KZ-75: software developers, welders, cooks) becomes a proposal and a
 * ranking of in-demand professions; a quota officer adjusts and approves it; the ledger takes 2027 and the migration
 * police, the statistics bureau, the akimats and the partners with shares (Uzbekistan, Tajikistan) get the
 * QuotaNotice, each partner with its own shares.
 */
@Deployment(resources = {QuotaRefreshEngine.BPMN, QuotaRefreshEngine.DMN, QuotaRefreshEngine.FORM})
class QuotaRefreshTest {

    static final QuotaRefreshEngine WORLD = QuotaRefreshEngine.get();
    static final String ATYRAU = "KAZ:AKIMAT-23";
    static final String ALMATY = "KAZ:AKIMAT-75";
    static final String UZBEKISTAN = "UZB:MEHNAT";
    static final String TAJIKISTAN = "TJK:MLME";
    static final List<String> AGENCIES = List.of("KAZ:MIA", "KAZ:BNS", ATYRAU, ALMATY);

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(WORLD.engine).build();

    ProcessEngine engine;

    @BeforeEach
    void resetTheWorld() {
        engine = WORLD.engine;
        WORLD.reset();
        WORLD.agencies.addAll(AGENCIES);
        WORLD.shares.put(UZBEKISTAN, Map.of(2027, List.of(new QuotaPlaces("F", "KZ-75", 40),
                new QuotaPlaces("F", "KZ-23", 300)), 2026, List.of(new QuotaPlaces("F", "KZ-79", 260))));
        WORLD.shares.put(TAJIKISTAN, Map.of(2027, List.of(new QuotaPlaces("J", "KZ-75", 20))));
        BpmnAwareTests.init(engine);
    }

    // ---- demand in ----

    @Test
    void atyrausDemandReportIsRecordedLineByLineForTheQuotaRefresh() {
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(atyrau(2027));

        assertThat(outcome.kind()).isEqualTo(Kind.RECORDED);
        assertThat(outcome.note()).isEqualTo("recorded 5 demand lines of KZ-23 for 2027 (report ATR-DEM-2026)");
        assertThat(WORLD.reports.lines(2027)).extracting(l -> l.sector() + " " + l.iscoCode(), l -> l.requested(),
                        l -> l.localCandidates())
                .containsExactly(tuple("B 8113", 40, 31), tuple("C 3133", 35, 12), tuple("F 2144", 60, 14),
                        tuple("F 7126", 620, 310), tuple("F 7212", 850, 260));
        assertThat(WORLD.reports.lines(2026)).isEmpty();
    }

    @Test
    void atyrausLaterReportReplacesItsEarlierOneAndARedeliveredReportIsRecordedOnce() {
        ReceivedDocument first = atyrau(2027);
        WORLD.dispatcher.dispatch(first);
        RegionalDemandReport revised = report(ATYRAU, "KZ-23", 2027, "ATR-DEM-2027-REV1",
                line("F", "7212", "Welder", 900, 200));
        ReceivedDocument second = Envelopes.received(ATYRAU, null, null, revised);
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(second);
        DispatchOutcome again = WORLD.dispatcher.dispatch(second);

        assertThat(outcome.note()).endsWith("replacing the region's earlier report");
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(WORLD.reports.lines(2027)).extracting(l -> l.iscoCode() + " " + l.requested())
                .containsExactly("7212 900");
    }

    @Test
    void aReportForAnotherAkimatsRegionIsNotRecorded() {
        RegionalDemandReport almatyFigures = report(ATYRAU, "KZ-75", 2027, "ATR-WRONG", line("F", "7212", "Welder", 10, 0));
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(Envelopes.received(ATYRAU, null, null, almatyFigures));

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.note()).contains("KAZ:AKIMAT-23 reported demand for region KZ-75");
        assertThat(WORLD.reports.lines(2027)).isEmpty();
    }

    // ---- proposal and ranking ----

    @Test
    void atyrauAndAlmatyReportsGiveTheProposedQuotaPerSectorAndRegionAndTheRankingOfInDemandProfessions() {
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);

        assertThat(refresh).isWaitingAt("reviewQuota").hasPassed("openYear", "gatherDemand", "proposeQuota");
        assertThat(refresh.getBusinessKey()).isEqualTo("quota-refresh-2027");
        Task review = task(refresh);
        assertThat(review).hasCandidateGroup("quota-officers");
        Map<String, Object> shown = engine.getTaskService().getVariables(review.getId());
        // Atyrau F: welders 850-260=590 (weight 3, all), pipefitters 310, welding engineers 46; B: drillers 9 x 0.8;
        // C: operators 23; Almaty F: welders 120 x 0.8 (a 40 % shortage); J: developers 160; I: cooks met locally
        assertThat(shown.get("quotaLines")).isEqualTo("B KZ-23 7\nC KZ-23 23\nF KZ-23 946\nF KZ-75 96\nJ KZ-75 160");
        assertThat(shown.get("proposedLines")).isEqualTo(shown.get("quotaLines"));
        assertThat(((String) shown.get("rankedProfessions")).lines().map(l -> l.substring(0, 4)).toList())
                .containsExactly("2512", "2144", "3133", "7212", "7126", "8113");
        assertThat((String) shown.get("ranking")).startsWith("1. 2512 Software developer: weight 3, shortage 160 of 200 (80 %)");
        assertThat((String) shown.get("demandLines")).contains(
                "KZ-23 F 7212 Welder (pipeline and plant): requested 850, local 260, shortage 69 % -> weight 3, proposed 590",
                "KZ-75 I 5120 Cook: requested 50, local 45, shortage 10 % -> weight 0, proposed 0");
        assertThat((String) shown.get("demandReports")).contains("KZ-23: ATR-DEM-2026 from KAZ:AKIMAT-23, 5 lines",
                "KZ-75: ALA-DEM-2027 from KAZ:AKIMAT-75, 3 lines");
        assertThat(shown).containsEntry("year", 2027).containsEntry("lineProblem", "");
        assertThat(WORLD.ledger.lines(2027)).isEmpty();
        assertThat(WORLD.sender.issued()).isEmpty();
    }

    @Test
    void theDecisionTableWeighsPrioritySectorsAndLocalCandidates() {
        assertThat(decide("F", 0.69)).containsExactly(3, 1.0);
        assertThat(decide("F", 0.4)).containsExactly(2, 0.8);
        assertThat(decide("I", 0.6)).containsExactly(2, 0.7);
        assertThat(decide("A", 0.3)).containsExactly(1, 0.5);
        assertThat(decide("Q", 0.1)).containsExactly(0, 0.0);
    }

    @Test
    void everyFieldOfTheReviewFormIsAVariableTheTaskHasAndTheDecisionValuesAreWhatTheProcessExpects() throws Exception {
        reportAtyrauAndAlmaty();
        Task review = task(start(2027));
        assertThat(engine.getFormService().getTaskFormKey(review.getProcessDefinitionId(), "reviewQuota")).isNull();
        org.camunda.bpm.engine.form.CamundaFormRef ref = engine.getTaskService().createTaskQuery()
                .taskId(review.getId()).initializeFormKeys().singleResult().getCamundaFormRef();
        assertThat(ref.getKey()).isEqualTo("quota-refresh-review");
        assertThat(ref.getBinding()).isEqualTo("deployment");
        String form = new String(getClass().getClassLoader().getResourceAsStream(QuotaRefreshEngine.FORM).readAllBytes(),
                StandardCharsets.UTF_8);
        Map<String, Object> variables = engine.getTaskService().getVariables(review.getId());
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("\"key\": \"([a-zA-Z]+)\"").matcher(form);
        List<String> fields = keys.results().map(m -> m.group(1)).toList();
        assertThat(fields).contains("year", "demandLines", "ranking", "quotaLines", "decision", "reasons");
        assertThat(fields).filteredOn(f -> !List.of("decision", "reasons").contains(f))
                .allSatisfy(f -> assertThat(variables).containsKey(f));
        assertThat(form).contains("\"value\": \"APPROVE\"", "\"value\": \"REJECT\"");
    }

    // ---- the officer decides ----

    @Test
    void theOfficersAdjustedQuotaGoesIntoTheLedgerAndTheQuotaNoticeToEachAgencyAndPartnerWithItsShares() {
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);
        complete(refresh, "APPROVE", "F KZ-23 900\nF KZ-75 96\nj kz-75 150\nB KZ-23 7\nC KZ-23 23\nQ KZ-75 30\n",
                "Welders capped at 900 after the employers' hearing; 30 physicians for Almaty city hospitals");

        assertThat(refresh).isEnded().hasPassed("checkQuotaLines", "setYearQuota", "sendQuotaNotices", "quotaSet");
        assertThat(WORLD.ledger.lines(2027)).extracting(QuotaLine::sector, QuotaLine::region, QuotaLine::places)
                .containsExactly(tuple("B", "KZ-23", 7), tuple("C", "KZ-23", 23), tuple("F", "KZ-23", 900),
                        tuple("F", "KZ-75", 96), tuple("J", "KZ-75", 150), tuple("Q", "KZ-75", 30));
        List<Issued> notices = WORLD.sender.ofType("QuotaNotice");
        assertThat(notices).extracting(i -> i.document().to())
                .containsExactly("KAZ:MIA", "KAZ:BNS", ATYRAU, ALMATY, TAJIKISTAN, UZBEKISTAN);
        assertThat(notices).extracting(i -> i.document().requestKey())
                .allSatisfy(key -> assertThat(key).startsWith(refresh.getId() + ":sendQuotaNotices:"));
        assertThat(notices).extracting(i -> i.document().conversationId()).containsOnly(
                (String) history(refresh, "conversationId"));

        QuotaNotice police = notice(notices, "KAZ:MIA");
        assertThat(police.getNoticeReference()).isEqualTo("QN-2027-01");
        assertThat(police.getSupersedes()).isNull();
        assertThat(police.getYear()).isEqualTo(Year.of(2027));
        assertThat(police.getEffectiveFrom()).hasToString("2027-01-01");
        assertThat(police.getQuotaLine()).extracting(l -> l.getSector().value() + " " + l.getRegion().value() + " "
                + l.getLimit()).containsExactly("B KZ-23 7", "C KZ-23 23", "F KZ-23 900", "F KZ-75 96", "J KZ-75 150",
                "Q KZ-75 30");
        assertThat(police.getInDemandProfession()).extracting(p -> p.getRank().intValue() + " "
                + p.getProfession().getIscoCode()).startsWith("1 2512", "2 2144", "3 3133", "4 7212");
        assertThat(police.getPartnerShare()).extracting(s -> s.getPartner() + " " + s.getSector().value() + " "
                + s.getRegion().value() + " " + s.getLimit())
                .containsExactly("TJK:MLME J KZ-75 20", "UZB:MEHNAT F KZ-75 40", "UZB:MEHNAT F KZ-23 300");
        assertThat(notice(notices, UZBEKISTAN).getPartnerShare()).extracting(s -> s.getPartner() + " "
                + s.getSector().value() + " " + s.getRegion().value() + " " + s.getLimit())
                .containsExactly("UZB:MEHNAT F KZ-75 40", "UZB:MEHNAT F KZ-23 300");
        assertThat(notice(notices, TAJIKISTAN).getPartnerShare()).extracting(s -> s.getPartner() + " " + s.getLimit())
                .containsExactly("TJK:MLME 20");
        assertThat(notice(notices, UZBEKISTAN).getQuotaLine()).hasSize(6);
    }

    @Test
    void badLinesBringTheReviewBackWithWhatToFixAndWriteNothing() {
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);
        complete(refresh, "APPROVE", "F KZ-23 nine hundred\nX KZ-23 5\nF KZ-99 3\nF KZ-75 96\nF KZ-75 90\nJ KZ-75",
                "typed in a hurry");

        assertThat(refresh).isWaitingAt("reviewQuota");
        String problem = (String) engine.getRuntimeService().getVariable(refresh.getId(), "lineProblem");
        assertThat(problem.lines().toList()).containsExactly(
                "line 1 'F KZ-23 nine hundred': write 'sector region places', e.g. F KZ-23 590",
                "line 2 'X KZ-23 5': the sector must be an economic section letter, A to U",
                "line 3 'F KZ-99 3': the region must be an ISO 3166-2:KZ code, e.g. KZ-75",
                "line 5 'F KZ-75 90': F KZ-75 is given twice",
                "line 6 'J KZ-75': write 'sector region places', e.g. F KZ-23 590");
        assertThat(WORLD.ledger.lines(2027)).isEmpty();
        assertThat(WORLD.sender.issued()).isEmpty();

        complete(refresh, "APPROVE", "F KZ-23 900\nF KZ-75 96", "fixed");
        assertThat(refresh).isEnded().hasPassed("quotaSet");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(refresh.getId())
                .variableName("lineProblem").singleResult().getValue()).isEqualTo("");
        assertThat(WORLD.ledger.lines(2027)).extracting(QuotaLine::places).containsExactly(900, 96);
    }

    @Test
    void theLedgerNeverGoesBelowThePlacesPermitsAlreadyHoldInAtyrau() {
        WORLD.ledger.seed(2027, "F", "KZ-23", 120);
        WORLD.ledger.seed(2027, "B", "KZ-47", 150);
        WORLD.database.jdbc().update("UPDATE quota_line SET taken = 30 WHERE quota_year = 2027 AND sector = 'F'");
        WORLD.database.jdbc().update("UPDATE quota_line SET taken = 12 WHERE quota_year = 2027 AND sector = 'B'");
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);
        complete(refresh, "APPROVE", "F KZ-23 20\nF KZ-75 96", "too low");

        assertThat(refresh).isWaitingAt("reviewQuota");
        assertThat((String) engine.getRuntimeService().getVariable(refresh.getId(), "lineProblem"))
                .isEqualTo("line 1 'F KZ-23 20': 30 permits already hold a place in F KZ-23: the quota cannot be lower");
        assertThat(WORLD.ledger.remaining(2027, "F", "KZ-23")).isEqualTo(90);

        complete(refresh, "APPROVE", "F KZ-23 30\nF KZ-75 96", "no new places for Atyrau's construction");
        // B KZ-47 is not in the approved quota: closed at the 12 places its permits hold
        assertThat(WORLD.ledger.lines(2027)).extracting(QuotaLine::sector, QuotaLine::region, QuotaLine::places,
                        QuotaLine::taken)
                .containsExactly(tuple("B", "KZ-47", 12, 12), tuple("F", "KZ-23", 30, 30), tuple("F", "KZ-75", 96, 0));
        // and the ledger itself refuses to go below taken, whoever calls it
        WORLD.ledger.setYear(2027, List.of(new QuotaPlaces("F", "KZ-23", 5)));
        assertThat(WORLD.ledger.lines(2027)).extracting(QuotaLine::sector, QuotaLine::places)
                .containsExactly(tuple("B", 12), tuple("F", 30), tuple("F", 0));
    }

    @Test
    void aRejectedProposalSetsNothingAndNotifiesNobody() {
        WORLD.ledger.seed(2027, "F", "KZ-23", 120);
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);
        complete(refresh, "REJECT", "garbage that is not checked on a rejection", "Wait for Mangystau's report");

        assertThat(refresh).isEnded().hasPassed("quotaRejected").hasNotPassed("setYearQuota");
        assertThat(WORLD.ledger.lines(2027)).extracting(QuotaLine::places).containsExactly(120);
        assertThat(WORLD.sender.issued()).isEmpty();
    }

    @Test
    void aSecondRefreshOfTheSameYearWhileOneRunsEndsAtOnce() {
        ProcessInstance first = start(2027);
        ProcessInstance second = start(2027);

        assertThat(first).isWaitingAt("reviewQuota");
        assertThat(second).isEnded().hasPassed("alreadyRunning");
    }

    @Test
    void twoRefreshesOfTheSameYearStartedAtOnceGiveOneCase() throws Exception {
        for (int round = 0; round < 3; round++) {
            int year = 2028 + round;
            if (round > 0) {
                // the year's counter row exists: the second start waits for the first's lock (else they collide on it)
                WORLD.database.jdbc().update("INSERT INTO register_counter (counter_name, counter_year, last_value)"
                        + " VALUES ('quota-refresh-start', ?, 0)", year);
            }
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<ProcessInstance>> starts = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starts.add(two.submit(() -> {
                        together.await();
                        return start(year);
                    }));
                }
                for (java.util.concurrent.Future<ProcessInstance> started : starts) {
                    try {
                        started.get();
                    } catch (java.util.concurrent.ExecutionException collided) {
                        // both created the year's counter row: one start rolled back, as a REST caller would see
                    }
                }
            } finally {
                two.shutdownNow();
            }
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("quota-refresh-" + year)
                    .taskDefinitionKey("reviewQuota").count()).as("reviews of " + year).isEqualTo(1);
        }
    }

    @Test
    void aNoticeWhoseAnswerWasLostIsSentAgainAsTheSameDocumentWithTheSameReference() {
        reportAtyrauAndAlmaty();
        ProcessInstance refresh = start(2027);
        WORLD.sender.loseAnswerOnce(ALMATY);
        engine.getTaskService().complete(task(refresh).getId(), Map.of("decision", "APPROVE",
                "quotaLines", "F KZ-23 900", "reasons", "ok"));
        Job job = engine.getManagementService().createJobQuery().processInstanceId(refresh.getId()).singleResult();
        try {
            engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the lost answer: the step's transaction (ledger and notice number) rolls back
        }
        assertThat(WORLD.ledger.lines(2027)).isEmpty();
        runJobs(refresh);

        assertThat(refresh).isEnded();
        assertThat(WORLD.sender.ofType("QuotaNotice")).hasSize(6);
        assertThat(WORLD.sender.repeats()).extracting(i -> i.document().to())
                .containsExactly("KAZ:MIA", "KAZ:BNS", ATYRAU, ALMATY);
        assertThat(notice(WORLD.sender.ofType("QuotaNotice"), "KAZ:MIA").getNoticeReference()).isEqualTo("QN-2027-01");
    }

    @Test
    void aSecondApprovedRefreshOfTheYearSupersedesTheFirstNotice() {
        ProcessInstance first = start(2027);
        complete(first, "APPROVE", "F KZ-23 100", "first");
        ProcessInstance second = start(2027);
        complete(second, "APPROVE", "F KZ-23 150", "raised");

        List<Issued> toPolice = WORLD.sender.ofType("QuotaNotice").stream()
                .filter(i -> i.document().to().equals("KAZ:MIA")).toList();
        assertThat(toPolice).extracting(QuotaRefreshTest::notice)
                .extracting(QuotaNotice::getNoticeReference, QuotaNotice::getSupersedes)
                .containsExactly(tuple("QN-2027-01", null), tuple("QN-2027-02", "QN-2027-01"));
    }

    @Test
    void theYearlyTimerStartsNextYearsRefreshOnFirstNovemberAtSixInAlmaty() {
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer).as("the yearly start's timer").isNotNull();
        // 06:00 in Almaty (UTC+5) is 01:00 UTC
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));

        WORLD.clock.advance(Duration.between(WORLD.clock.instant(), timer.getDuedate().toInstant()).plusMinutes(1));
        engine.getManagementService().executeJob(timer.getId());

        ProcessInstance yearly = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("quota-refresh-2027").singleResult();
        assertThat(yearly).isNotNull();
        assertThat(yearly).isWaitingAt("reviewQuota").hasPassed("yearlyStart", "openYear");
        assertThat(engine.getManagementService().createJobQuery().timers().singleResult().getDuedate().toInstant())
                .as("and it is set for the year after").isEqualTo(Instant.parse("2027-11-01T01:00:00Z"));
    }

    // ---- moves ----

    private ProcessInstance start(int year) {
        return engine.getRuntimeService().startProcessInstanceByMessage(QuotaRefreshVariables.START_MESSAGE,
                QuotaRefreshVariables.businessKey(year), Map.of("year", year));
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String decision, String lines, String reasons) {
        engine.getTaskService().complete(task(instance).getId(),
                Map.of("decision", decision, "quotaLines", lines, "reasons", reasons));
        runJobs(instance);
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("the jobs of " + instance.getId() + " never settle");
    }

    private Object history(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private List<Object> decide(String sector, double ratio) {
        var result = engine.getDecisionService().evaluateDecisionByKey("in-demand-professions")
                .variables(Map.of("sector", sector, "shortageRatio", ratio)).evaluate().getSingleResult();
        return List.of(((Number) result.getEntry("weight")).intValue(), result.getEntry("coverage"));
    }

    private static QuotaNotice notice(List<Issued> notices, String to) {
        return notices.stream().filter(i -> i.document().to().equals(to)).findFirst()
                .map(QuotaRefreshTest::notice).orElseThrow();
    }

    /** The QuotaNotice element the process sent, read back. */
    private static QuotaNotice notice(Issued issued) {
        try {
            Object read = jakarta.xml.bind.JAXBContext.newInstance(org.lmx.xsd.exchange.v1.ObjectFactory.class)
                    .createUnmarshaller().unmarshal(new java.io.ByteArrayInputStream(issued.document().document()));
            return (QuotaNotice) ((jakarta.xml.bind.JAXBElement<?>) read).getValue();
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new AssertionError(e);
        }
    }

    private void reportAtyrauAndAlmaty() {
        assertThat(WORLD.dispatcher.dispatch(atyrau(2027)).kind()).isEqualTo(Kind.RECORDED);
        RegionalDemandReport almaty = report(ALMATY, "KZ-75", 2027, "ALA-DEM-2027",
                line("F", "7212", "Welder", 300, 180), line("J", "2512", "Software developer", 200, 40),
                line("I", "5120", "Cook", 50, 45));
        assertThat(WORLD.dispatcher.dispatch(Envelopes.received(ALMATY, null, null, almaty)).kind())
                .isEqualTo(Kind.RECORDED);
    }

    /** Atyrau's committed sample report, for {@code year}. */
    private static ReceivedDocument atyrau(int year) {
        RegionalDemandReport report = Envelopes.sample("RegionalDemandReport", RegionalDemandReport.class);
        report.setYear(Year.of(year));
        return Envelopes.received(ATYRAU, null, null, report);
    }

    private static RegionalDemandReport report(String from, String region, int year, String reference,
                                               RegionalDemandReport.DemandLine... lines) {
        RegionalDemandReport report = Envelopes.sample("RegionalDemandReport", RegionalDemandReport.class);
        report.setReportReference(reference);
        report.setYear(Year.of(year));
        report.setRegion(RegionCode.fromValue(region));
        report.getDemandLine().clear();
        report.getDemandLine().addAll(List.of(lines));
        return report;
    }

    private static RegionalDemandReport.DemandLine line(String sector, String isco, String title, int requested,
                                                        int local) {
        RegionalDemandReport.DemandLine line = new RegionalDemandReport.DemandLine();
        line.setSector(EconomicSector.fromValue(sector));
        Profession profession = new Profession();
        profession.setIscoCode(isco);
        profession.setJobTitle(title);
        line.setProfession(profession);
        line.setRequestedWorkers(BigInteger.valueOf(requested));
        line.setLocalCandidatesAvailable(BigInteger.valueOf(local));
        line.setJustification("Demand reported for the test");
        return line;
    }
}
