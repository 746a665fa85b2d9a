package org.lmx.processes.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.TestClock;
import org.lmx.processes.testing.TestDatabase;
import org.springframework.transaction.support.TransactionTemplate;

/** The national quota ledger on its own: seeding, all-or-none reservations, shares, releases, parallel callers. */
class QuotaLedgerTest {

    private final TestDatabase database = TestDatabase.fresh();
    private final QuotaLedger ledger = new QuotaLedger(database.jdbc(), database.transactions(), new TestClock());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void seedingCreatesALineOnceAndNeverOverwritesIt() {
        assertThat(ledger.seed(2026, "F", "KZ-23", 5)).isTrue();
        assertThat(ledger.seed(2026, "F", "KZ-23", 500)).isFalse();

        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(5);
        assertThat(ledger.remaining(2026, "F", "KZ-47")).isZero();
    }

    @Test
    void aReservationTakesOnePlaceInEveryRegionOrNone() {
        ledger.seed(2026, "F", "KZ-23", 2);
        ledger.seed(2026, "F", "KZ-47", 0);

        Reservation refused = ledger.reserve("WP-2026-000001", 2026, "F", List.of("KZ-23", "KZ-47"), "KOR:MOEL",
                Map.of());

        assertThat(refused.reserved()).isFalse();
        assertThat(refused.region()).isEqualTo("KZ-47");
        assertThat(ledger.remaining(2026, "F", "KZ-23")).as("the place taken in KZ-23 went back").isEqualTo(2);
        assertThat(ledger.holds("WP-2026-000001")).isFalse();

        Reservation held = ledger.reserve("WP-2026-000002", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of());
        assertThat(held.reserved()).isTrue();
        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(1);
    }

    @Test
    void reservingAgainForTheSameCaseTakesNothingMore() {
        ledger.seed(2026, "F", "KZ-23", 2);

        ledger.reserve("WP-2026-000001", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of());
        Reservation again = ledger.reserve("WP-2026-000001", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of());

        assertThat(again.reserved()).isTrue();
        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(1);
    }

    @Test
    void aReleaseGivesEveryPlaceBackOnceAndTheCaseMayReserveAgain() {
        ledger.seed(2026, "F", "KZ-23", 1);
        ledger.seed(2026, "F", "KZ-47", 1);
        ledger.reserve("WP-2026-000001", 2026, "F", List.of("KZ-47", "KZ-23"), "KOR:MOEL", Map.of());

        assertThat(ledger.release("WP-2026-000001")).isTrue();
        assertThat(ledger.release("WP-2026-000001")).isFalse();

        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(1);
        assertThat(ledger.remaining(2026, "F", "KZ-47")).isEqualTo(1);
        assertThat(ledger.reserve("WP-2026-000001", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of()).reserved())
                .isTrue();
        assertThat(ledger.remaining(2026, "F", "KZ-23")).isZero();
    }

    @Test
    void aPartnersShareIsASubLimitOfTheLineCountedOverItsLiveReservations() {
        ledger.seed(2026, "F", "KZ-23", 10);
        Map<String, Integer> share = Map.of("KZ-23", 2);

        assertThat(ledger.reserve("WP-1", 2026, "F", List.of("KZ-23"), "UZB:MEHNAT", share).reserved()).isTrue();
        assertThat(ledger.reserve("WP-2", 2026, "F", List.of("KZ-23"), "UZB:MEHNAT", share).reserved()).isTrue();
        Reservation third = ledger.reserve("WP-3", 2026, "F", List.of("KZ-23"), "UZB:MEHNAT", share);
        assertThat(third.reserved()).isFalse();
        assertThat(third.reason()).contains("share of UZB:MEHNAT (2 places) is used up");
        assertThat(ledger.reserve("WP-4", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of()).reserved()).isTrue();

        ledger.release("WP-1");
        assertThat(ledger.reserve("WP-3", 2026, "F", List.of("KZ-23"), "UZB:MEHNAT", share).reserved()).isTrue();
        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(7);
        assertThat(ledger.heldBy("UZB:MEHNAT", 2026, "F", "KZ-23")).isEqualTo(2);
    }

    @Test
    void aReservationRolledBackWithItsCallersTransactionLeavesNoTrace() {
        ledger.seed(2026, "F", "KZ-23", 1);
        TransactionTemplate caller = new TransactionTemplate(database.transactions());

        caller.executeWithoutResult(status -> {
            assertThat(ledger.reserve("WP-1", 2026, "F", List.of("KZ-23"), "KOR:MOEL", Map.of()).reserved()).isTrue();
            status.setRollbackOnly();
        });

        assertThat(ledger.remaining(2026, "F", "KZ-23")).isEqualTo(1);
        assertThat(ledger.holds("WP-1")).isFalse();
    }

    @Test
    void parallelReservationsOverOverlappingRegionsNeverOverbookAnyLine() throws Exception {
        ledger.seed(2026, "C", "KZ-35", 5);
        ledger.seed(2026, "C", "KZ-79", 5);
        ledger.seed(2026, "C", "KZ-75", 5);
        List<List<String>> regionSets = List.of(List.of("KZ-35", "KZ-79"), List.of("KZ-79", "KZ-75"),
                List.of("KZ-75", "KZ-35"), List.of("KZ-79"));
        int callers = 16;
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Reservation>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String caseRef = "WP-2026-" + i;
            List<String> regions = regionSets.get(i % regionSets.size());
            results.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return ledger.reserve(caseRef, 2026, "C", regions, "KOR:MOEL", Map.of());
            }));
        }
        List<Reservation> outcomes = new ArrayList<>();
        for (Future<Reservation> result : results) {
            outcomes.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Map<String, Object>> lines = database.jdbc().queryForList("SELECT region, places, taken FROM quota_line");
        for (Map<String, Object> line : lines) {
            int taken = ((Number) line.get("TAKEN")).intValue();
            assertThat(taken).as("taken in " + line.get("REGION")).isLessThanOrEqualTo(5);
            Integer rows = database.jdbc().queryForObject("SELECT COUNT(*) FROM quota_reservation WHERE region = ?"
                    + " AND released_at IS NULL", Integer.class, line.get("REGION"));
            assertThat(rows).as("reservations in " + line.get("REGION")).isEqualTo(taken);
        }
        // a caller is refused only for a line that is really full
        for (Reservation refused : outcomes.stream().filter(r -> !r.reserved()).toList()) {
            assertThat(ledger.remaining(2026, "C", refused.region())).as(refused.reason()).isZero();
        }
        assertThat(outcomes).anyMatch(Reservation::reserved).anyMatch(r -> !r.reserved());
        int placesUsed = lines.stream().mapToInt(l -> ((Number) l.get("TAKEN")).intValue()).sum();
        assertThat(placesUsed).isEqualTo(database.jdbc().queryForObject(
                "SELECT COUNT(*) FROM quota_reservation WHERE released_at IS NULL", Integer.class));
    }
}
