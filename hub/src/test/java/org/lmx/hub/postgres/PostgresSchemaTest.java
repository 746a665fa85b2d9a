package org.lmx.hub.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Flyway migration of the hub (routes V1.., hub V2.., processes V7..) on a real PostgreSQL, unchanged, and the
 * message log on it as two hub nodes use it: each with its own connection pool, appending at the same time.
 */
class PostgresSchemaTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static HikariDataSource nodeA;
    private static HikariDataSource nodeB;

    @BeforeAll
    static void migrate() {
        String url = TestPostgres.newDatabase();
        nodeA = TestPostgres.pool(url, "node-a", 6);
        nodeB = TestPostgres.pool(url, "node-b", 6);
        TestPostgres.migrate(nodeA);
    }

    @AfterAll
    static void closePools() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void theMigrationsThatServeH2AllRanOnPostgresql() {
        List<String> onPostgres = applied(Flyway.configure().dataSource(nodeA).locations("classpath:db/migration").load());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway onH2 = Flyway.configure().dataSource(h2).locations("classpath:db/migration").load();
        onH2.migrate();

        assertThat(onPostgres).hasSizeGreaterThanOrEqualTo(11).isEqualTo(applied(onH2));
        assertThat(onPostgres).contains("1", "2", "3", "7", "9");
        assertThat(new JdbcTemplate(nodeA).queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void theLogAppendsWhatItReadsBackAndItsChainVerifies() {
        MessageLog log = log(nodeA);
        byte[] scan = "passport scan".getBytes(StandardCharsets.UTF_8);
        NewMessage first = message(scan);
        NewMessage second = message();

        MessageLog.Appended appended = log.append(first);
        log.append(second);
        log.changeState(second.entry().messageId(), MessageState.DISPATCHED, "to its process");

        assertThat(appended.fresh()).isTrue();
        LogEntry read = log.find(first.entry().messageId()).orElseThrow().entry();
        assertThat(read.digest()).isEqualTo(first.entry().digest());
        assertThat(read.loggedAt()).isEqualTo(first.entry().loggedAt());
        assertThat(read.attachments()).isEqualTo(first.entry().attachments());
        assertThat(log.body(first.entry().messageId())).hasValue(first.body());
        assertThat(log.receipt(first.entry().messageId())).hasValue(first.receipt());
        assertThat(log.attachment(Sha256.hex(scan))).hasValue(scan);
        assertThat(log.append(first).fresh()).as("a resend is found, not logged again").isFalse();
        LogVerification verification = new LogVerifier(new JdbcTemplate(nodeA), log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesVerified()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoNodesAppendingAtOnceMakeOneChainWithoutGapsAndEachMessageIdOnce() throws Exception {
        MessageLog onA = log(nodeA);
        MessageLog onB = log(nodeB);
        List<NewMessage> resent = LongStream.range(0, 20).mapToObj(i -> message()).toList();
        List<Callable<Boolean>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            MessageLog node = i % 2 == 0 ? onA : onB;
            NewMessage fresh = message();
            appends.add(() -> node.append(fresh).fresh());
        }
        for (NewMessage m : resent) {
            // the same document arriving at both nodes at once: one of them logs it
            appends.add(() -> onA.append(m).fresh());
            appends.add(() -> onB.append(m).fresh());
        }
        long before = count("SELECT COUNT(*) FROM message_log");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Boolean> fresh = new ArrayList<>();
        try {
            for (Future<Boolean> f : threads.invokeAll(appends)) {
                fresh.add(f.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fresh.stream().filter(f -> f).count()).isEqualTo(220);
        assertThat(count("SELECT COUNT(*) FROM message_log")).isEqualTo(before + 220);
        assertThat(count("SELECT MAX(seq) FROM message_log")).isEqualTo(before + 220);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE message_id IN (" + String.join(", ",
                resent.stream().map(m -> "'" + m.entry().messageId() + "'").toList()) + ")")).isEqualTo(20);
        LogVerification verification = new LogVerifier(new JdbcTemplate(nodeB), onB).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
    }

    @Test
    void anOutboxRowThatOneNodeWorksOnIsSkippedByTheOtherWithoutWaiting() throws Exception {
        NewMessage m = message();
        log(nodeA).append(m);
        long id = new JdbcTemplate(nodeA).queryForObject("SELECT id FROM outbox WHERE message_id = ?", Long.class,
                m.entry().messageId());
        Outbox.Item item = new Outbox.Item(id, m.entry().messageId());
        Outbox onB = new Outbox(new JdbcTemplate(nodeB), Clock.systemUTC());
        TransactionTemplate onBTransactions = new TransactionTemplate(new DataSourceTransactionManager(nodeB));

        try (Connection working = nodeA.getConnection()) {
            working.setAutoCommit(false);
            // node A's dispatcher holds the row in its open transaction (as while it starts the row's process)
            assertThat(Outbox.claim(new JdbcTemplate(new SingleConnectionDataSource(working, true)), id)).isTrue();
            long started = System.nanoTime();
            assertThat(doneOnB(onBTransactions, onB, item)).isFalse();
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds node B waited").isLessThan(2000);
            // node A fails before its commit: the row is pending again, and node B takes it
            working.rollback();
        }
        assertThat(doneOnB(onBTransactions, onB, item)).isTrue();
        assertThat(doneOnB(onBTransactions, onB, item)).as("done once").isFalse();
    }

    @Test
    void lmxLogVerifyReadsTheLogOfAPostgresqlDatabaseOfflineAndSeesATamperedEntry() {
        MessageLog log = log(nodeA);
        NewMessage m = message();
        log.append(m);
        String url = nodeA.getJdbcUrl();

        assertThat(LmxCommand.run("log", "verify", "--db-url", url, "--db-user", TestPostgres.USER,
                "--db-password", TestPostgres.PASSWORD)).as("exit code, intact").isZero();

        JdbcTemplate jdbc = new JdbcTemplate(nodeA);
        String digest = jdbc.queryForObject("SELECT digest FROM message_log WHERE message_id = ?", String.class,
                m.entry().messageId());
        jdbc.update("UPDATE message_log SET digest = ? WHERE message_id = ?", "f".repeat(64), m.entry().messageId());
        try {
            assertThat(LmxCommand.run("log", "verify", "--db-url", url, "--db-user", TestPostgres.USER,
                    "--db-password", TestPostgres.PASSWORD)).as("exit code, broken").isEqualTo(2);
        } finally {
            jdbc.update("UPDATE message_log SET digest = ? WHERE message_id = ?", digest, m.entry().messageId());
        }
        assertThat(LmxCommand.run("log", "verify", "--db-url", url + "_missing", "--db-user", TestPostgres.USER,
                "--db-password", TestPostgres.PASSWORD)).as("exit code, no such database").isEqualTo(1);
    }

    private static boolean doneOnB(TransactionTemplate transactions, Outbox outbox, Outbox.Item item) {
        return Boolean.TRUE.equals(transactions.execute(s -> outbox.done(item)));
    }

    private static List<String> applied(Flyway flyway) {
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            assertThat(info.getState().isFailed()).as(info.getScript()).isFalse();
            versions.add(info.getVersion().getVersion());
        }
        assertThat(flyway.info().pending()).isEmpty();
        return versions;
    }

    private static long count(String sql) {
        Long n = new JdbcTemplate(nodeA).queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static MessageLog log(HikariDataSource node) {
        return new MessageLog(new JdbcTemplate(node), new DataSourceTransactionManager(node), Clock.systemUTC());
    }


    /** An inbound document as the inbound route logs it (times in milliseconds, as the route truncates them). */
    private static NewMessage message(byte[]... attachments) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage><!-- " + id + " --></ExchangeMessage>").getBytes(StandardCharsets.UTF_8);
        byte[] receipt = ("<Receipt>" + id + "</Receipt>").getBytes(StandardCharsets.UTF_8);
        List<LoggedAttachment> declared = new ArrayList<>();
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (int i = 0; i < attachments.length; i++) {
            String sha256 = Sha256.hex(attachments[i]);
            declared.add(new LoggedAttachment("part-" + i, "part-" + i + ".pdf", "application/pdf",
                    attachments[i].length, sha256));
            contents.put(sha256, attachments[i]);
        }
        LogEntry entry = new LogEntry(0, id, Direction.INBOUND, UUID.randomUUID().toString(), null, "AGR-KOR-MOEL",
                "KOR:MOEL", "KAZ:MLSP", "WorkPermitApplication", NOW.atOffset(ZoneOffset.ofHours(9)).toString(), NOW,
                Sha256.hex(body), body.length, Sha256.hex(receipt), declared);
        return new NewMessage(entry, body, receipt, contents, MessageState.ACCEPTED, "received over TEST", true);
    }
}
