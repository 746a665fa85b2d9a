package org.lmx.processes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.TestDatabase;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One StatisticsReport per month for the statistics bureau: two nodes (or the timer and an operator) claiming
 * October 2026 at the same moment, each in its own transaction, get one claim between them. The second does not see
 * the first's uncommitted row, so its insert meets the first's key (H2 refuses it at once or after the first
 * commits; PostgreSQL after the first commits) and the second claim is refused.
 */
class MonthlyReportsTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 2, 6, 0, 0, 0, ZoneOffset.ofHours(5));

    final TestDatabase database = TestDatabase.fresh();
    final MonthlyReports reports = new MonthlyReports(database.jdbc());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void twoNodesClaimingOctoberAtOnceGetOneClaim() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(database.transactions());
        CountDownLatch firstInserted = new CountDownLatch(1);
        CompletableFuture<Boolean> nodeB = new CompletableFuture<>();
        CompletableFuture<Boolean> nodeA = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            boolean claimed = reports.claim(OCTOBER, "BNS-STAT-2026-10", "instance-a", "conversation-a", NOW);
            firstInserted.countDown();
            // commit only once node B has met the row: refused already, or waiting in its insert
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!nodeB.isDone() && insertsWaiting() == 0) {
                assertThat(System.nanoTime()).as("node B never met node A's row").isLessThan(deadline);
                Thread.onSpinWait();
            }
            return claimed;
        }));
        assertThat(firstInserted.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.runAsync(() -> nodeB.complete(transaction.execute(status ->
                reports.claim(OCTOBER, "BNS-STAT-2026-10", "instance-b", "conversation-b", NOW))))
                .exceptionally(e -> {
                    nodeB.completeExceptionally(e);
                    return null;
                });

        assertThat(nodeA.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nodeB.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(reports.find(OCTOBER)).get().satisfies(r -> {
            assertThat(r.processInstanceId()).isEqualTo("instance-a");
            assertThat(r.messageId()).isNull();
        });
        assertThat(reports.claim(OCTOBER, "BNS-STAT-2026-10", "instance-c", "conversation-c", NOW)).isFalse();
    }

    /** Sessions in the middle of an insert into statistics_report (node A's insert is done: this is node B's). */
    private int insertsWaiting() {
        Integer n = database.jdbc().queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO statistics_report%'", Integer.class);
        return n == null ? 0 : n;
    }
}
