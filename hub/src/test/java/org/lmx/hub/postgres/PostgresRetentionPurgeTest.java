package org.lmx.hub.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.routes.log.RetentionReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The retention purge on a real PostgreSQL, run by two hub nodes at the same moment (as the daily job does):
 * Uzbekistan's ministry's contract registrations of two years ago, each with a scan and all sharing the recruiter's
 * licence, are purged once each, every purge recorded once, and the chain verifies counting them all.
 */
class PostgresRetentionPurgeTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant TWO_YEARS_AGO = NOW.minus(Duration.ofDays(731));
    private static final byte[] LICENCE = "recruiter's licence".getBytes(StandardCharsets.UTF_8);

    private static HikariDataSource nodeA;
    private static HikariDataSource nodeB;

    @BeforeAll
    static void migrate() {
        String url = TestPostgres.newDatabase();
        nodeA = TestPostgres.pool(url, "retention-a", 4);
        nodeB = TestPostgres.pool(url, "retention-b", 4);
        TestPostgres.migrate(nodeA);
    }

    @AfterAll
    static void closePools() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void twoNodesPurgingAtOnceTakeEachBodyOnceAndTheChainVerifies() throws Exception {
        MessageLog log = new MessageLog(new JdbcTemplate(nodeA), new DataSourceTransactionManager(nodeA), Clock.systemUTC());
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            NewMessage m = contract(("scan " + i).getBytes(StandardCharsets.UTF_8));
            log.append(m);
            log.changeState(m.entry().messageId(), MessageState.DISPATCHED, "started process contract-vetting");
        }
        List<Callable<RetentionReport>> nodes = List.of(() -> purge(nodeA).purge(false), () -> purge(nodeB).purge(false));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long purged = 0;
        long attachments = 0;
        try {
            for (Future<RetentionReport> report : pool.invokeAll(nodes)) {
                purged += report.get().bodiesPurged();
                attachments += report.get().attachmentsPurged();
            }
        } finally {
            pool.shutdown();
        }
        JdbcTemplate jdbc = new JdbcTemplate(nodeA);
        assertThat(purged).as("each body purged by exactly one node").isEqualTo(messages);
        // each scan once, and the shared licence once: with the last message that declared it
        assertThat(attachments).isEqualTo(messages + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retention_purge", Integer.class)).isEqualTo(messages);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE body IS NOT NULL", Integer.class)).isZero();
        assertThat(log.attachment(Sha256.hex(LICENCE))).isEmpty();
        LogVerification verification = new LogVerifier(jdbc, log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.bodiesPurged()).isEqualTo(messages);
    }

    private static RetentionPurge purge(HikariDataSource node) {
        return new RetentionPurge(new JdbcTemplate(node), new DataSourceTransactionManager(node), Clock.systemUTC(),
                agreementId -> Optional.of(Period.ofYears(1)));
    }

    private static NewMessage contract(byte[] scan) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage><!-- " + id + " --></ExchangeMessage>").getBytes(StandardCharsets.UTF_8);
        byte[] receipt = ("<Receipt>" + id + "</Receipt>").getBytes(StandardCharsets.UTF_8);
        List<LoggedAttachment> declared = new ArrayList<>();
        for (byte[] part : List.of(scan, LICENCE)) {
            declared.add(new LoggedAttachment("part-" + declared.size(), "part.pdf", "application/pdf", part.length,
                    Sha256.hex(part)));
        }
        LogEntry entry = new LogEntry(0, id, Direction.INBOUND, UUID.randomUUID().toString(), null, "AGR-UZB-MEHNAT",
                "UZB:MEHNAT", "KAZ:MLSP", "EmploymentContractRegistration",
                TWO_YEARS_AGO.atOffset(ZoneOffset.ofHours(5)).toString(), TWO_YEARS_AGO, Sha256.hex(body), body.length,
                Sha256.hex(receipt), declared);
        return new NewMessage(entry, body, receipt, Map.of(Sha256.hex(scan), scan, Sha256.hex(LICENCE), LICENCE),
                MessageState.ACCEPTED, "received over TEST", false);
    }

}
