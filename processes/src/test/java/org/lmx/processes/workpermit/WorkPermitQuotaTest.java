package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The national quota ledger in the process: checked on registration, reserved on approval in every region of the
 * permit (and in the applicant partner's share), never overbooked by parallel approvals.
 */
class WorkPermitQuotaTest extends WorkPermitCaseTest {

    @Test
    void noPlaceLeftInOneRegionRefusesAtOnceWithoutAskingTheAgencies() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 3);
        WORLD.ledger.seed(2026, "F", "KZ-47", 0);

        String pid = apply(KOREA, Applications.standardWelder());

        assertThat(instance(pid)).isEnded().hasPassed("checkQuota", "refuseApplication", "sendDecision")
                .hasNotPassed("sendIdentityCheckRequest", "review");
        assertThat(WORLD.sender.ofType("IdentityCheckRequest")).isEmpty();
        List<Issued> decisions = decisions(pid);
        assertThat(decisions).extracting(d -> d.document().to())
                .containsExactly(KOREA, "KAZ:MIA", "KAZ:SRC", "KAZ:BORDER");
        String decision = new String(decisions.get(0).document().document(), StandardCharsets.UTF_8);
        assertThat(decision).contains("<Decision>REFUSED</Decision>", "<Code>QUOTA_EXHAUSTED</Code>",
                "no quota place left for 2026, sector F, region KZ-47", "<Role>Decided by the quota rules</Role>");
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(3);
    }

    @Test
    void aRegionWithoutAQuotaLineHasNoPlaces() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 3);

        String pid = apply(KOREA, Applications.standardWelder());

        assertThat(instance(pid)).isEnded().hasPassed("refuseApplication");
        assertThat((String) variable(pid, "refusalText")).contains("region KZ-47");
    }

    @Test
    void thePartnersShareCountsAgainstItsOwnApplicationsOnly() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.shares.put(KOREA + " 2026 F KZ-23", 1);
        WorkPermitApplication first = Applications.regions(Applications.standardWelder(), RegionCode.KZ_23);

        String granted = apply(KOREA, first);
        cleanChecks(granted, KOREA);
        review(granted, Map.of("decision", "APPROVE", "reasons", "ok"));
        assertThat(instance(granted)).isEnded().hasPassed("grantPermit");

        String korea = apply(KOREA, Applications.regions(Applications.standardWelder(), RegionCode.KZ_23));
        assertThat(instance(korea)).isEnded().hasPassed("refuseApplication");
        assertThat((String) variable(korea, "refusalText")).contains("share of KOR:MOEL (1 places) is used up");

        String uzbekistan = apply(UZBEKISTAN, Applications.regions(Applications.standardWelder(), RegionCode.KZ_23));
        assertThat(instance(uzbekistan)).isWaitingAt("awaitIdentityCheck", "awaitTaxStatus", "awaitQualification");
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(9);
    }

    @Test
    void theLastPlaceTakenWhileACaseWasUnderReviewRefusesItOnApproval() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 1);
        String early = apply(KOREA, Applications.regions(Applications.standardWelder(), RegionCode.KZ_23));
        String late = apply(UZBEKISTAN, Applications.regions(Applications.standardWelder(), RegionCode.KZ_23));
        cleanChecks(early, KOREA);
        cleanChecks(late, UZBEKISTAN);

        review(late, Map.of("decision", "APPROVE", "reasons", "ok"));
        review(early, Map.of("decision", "APPROVE", "reasons", "ok"));

        assertThat(instance(late)).isEnded().hasPassed("grantPermit");
        assertThat(instance(early)).isEnded().hasPassed("reserveQuota", "refuseApplication").hasNotPassed("grantPermit");
        assertThat(variable(early, "refusalCode")).isEqualTo("QUOTA_EXHAUSTED");
        // the officer's approval text is not quoted as the ground of the refusal
        assertThat((String) variable(early, "refusalText")).isEqualTo("no quota place left for 2026, sector F, region KZ-23");
    }

    @Test
    void twoParallelApprovalsForTheLastPlaceInTwoRegionsLeaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 3; round++) {
            WORLD.reset();
            WORLD.ledger.seed(2026, "F", "KZ-23", 1);
            WORLD.ledger.seed(2026, "F", "KZ-47", 1);
            String korea = apply(KOREA, Applications.standardWelder());
            String uzbekistan = apply(UZBEKISTAN, Applications.standardWelder());
            cleanChecks(korea, KOREA);
            cleanChecks(uzbekistan, UZBEKISTAN);
            List<Task> reviews = List.of(task(korea, "review"), task(uzbekistan, "review"));

            CyclicBarrier together = new CyclicBarrier(reviews.size());
            ExecutorService officers = Executors.newFixedThreadPool(reviews.size());
            List<Future<?>> approvals = new ArrayList<>();
            for (Task review : reviews) {
                approvals.add(officers.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    engine.getTaskService().complete(review.getId(),
                            Map.of("decision", "APPROVE", "reasons", "approved in parallel"));
                    return null;
                }));
            }
            for (Future<?> approval : approvals) {
                approval.get(60, TimeUnit.SECONDS);
            }
            officers.shutdown();
            runJobs(korea);
            runJobs(uzbekistan);

            List<String> outcomes = List.of((String) variable(korea, "outcome"), (String) variable(uzbekistan, "outcome"));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("GRANTED", "REFUSED");
            assertThat(WORLD.database.jdbc().queryForObject("SELECT COUNT(*) FROM permit", Integer.class)).isEqualTo(1);
            assertThat(WORLD.database.jdbc().queryForList("SELECT taken FROM quota_line", Integer.class))
                    .containsExactly(1, 1);
            String loser = "REFUSED".equals(outcomes.get(0)) ? korea : uzbekistan;
            assertThat(variable(loser, "refusalCode")).isEqualTo("QUOTA_EXHAUSTED");
            assertThat(WORLD.ledger.holds(caseReference(loser))).isFalse();
        }
    }
}
