package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.TestMessages.Part;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention on the message log: Uzbekistan's ministry (AGR-UZB-MEHNAT, bodies kept one year in this test) registers
 * employment contracts; a year and a day after a case's last message its bodies and attachment contents go, its
 * metadata, receipts and chain stay, and the chain still verifies, counting the purge. A case still moving, a
 * message not yet dispatched, a content a newer message shares, and an agreement the hub does not know are kept.
 */
class RetentionPurgeTest {

    private static final Instant START = Instant.parse("2025-03-10T06:00:00Z");
    private static final String UZB = "AGR-UZB-MEHNAT";

    private final RegistryDatabase.Database db = RegistryDatabase.database();
    private final JdbcTemplate jdbc = db.jdbc();
    private final TestClock clock = new TestClock(START, ZoneOffset.UTC);
    private final MessageLog log = new MessageLog(jdbc, db.transactions(), clock);
    private final Map<String, Period> retentions = Map.of(UZB, Period.ofYears(1));
    private final RetentionPurge purge = new RetentionPurge(jdbc, db.transactions(), clock,
            id -> Optional.ofNullable(retentions.get(id)));

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aClosedCaseLosesItsBodiesAndUnsharedAttachmentsAfterItsRetentionAndTheChainStillVerifies() {
        // a closed case: the contract with a scan only it carries, and a second contract sharing the welder's permit
        String closed = UUID.randomUUID().toString();
        String contract = logged(closed, START, MessageState.DISPATCHED, Part.of("scan", "scan of a contract"),
                Part.of("permit", "a welder's permit"));
        // a newer case that carries the same permit: that content must stay
        String newer = logged(UUID.randomUUID().toString(), START.plus(Duration.ofDays(200)), MessageState.DISPATCHED,
                Part.of("permit", "a welder's permit"));
        // a case whose first message is old but which moved since: its retention counts from its last message
        String moving = UUID.randomUUID().toString();
        String oldOfMoving = logged(moving, START, MessageState.DISPATCHED);
        logged(moving, START.plus(Duration.ofDays(300)), MessageState.DISPATCHED);
        // never dispatched: its exchange is not over
        String undispatched = logged(UUID.randomUUID().toString(), START, MessageState.ACCEPTED);
        // an agreement the hub has no current version of: retention unknown
        String unknown = log.append(TestMessages.inbound("MNG:MLSP", "Ping", START)).message().messageId();
        log.changeState(unknown, MessageState.DISPATCHED, "done");

        clock.advance(Duration.ofDays(366));
        RetentionReport dry = purge.purge(true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.bodiesPurged()).isEqualTo(1);
        assertThat(dry.attachmentsPurged()).isEqualTo(1);
        assertThat(dry.messages()).extracting(RetentionReport.Purged::messageId).containsExactly(contract);
        assertThat(dry.skippedAgreements()).containsExactly("AGR-MNG-MLSP");
        assertThat(log.body(contract)).as("a dry run writes nothing").isPresent();

        RetentionReport done = purge.purge(false);
        assertThat(done.summary()).startsWith("purged 1 bodies");
        assertThat(done.attachmentsPurged()).isEqualTo(1);
        assertThat(log.body(contract)).isEmpty();
        assertThat(purge.purgedAt(contract)).hasValue(clock.instant());
        assertThat(log.find(contract)).as("its metadata stays").isPresent();
        assertThat(log.receipt(contract)).as("its receipt stays").isPresent();
        assertThat(log.attachment(sha("scan of a contract"))).isEmpty();
        assertThat(log.attachment(sha("a welder's permit"))).as("shared by a newer message").isPresent();
        for (String kept : new String[] {newer, oldOfMoving, undispatched, unknown}) {
            assertThat(log.body(kept)).as(kept).isPresent();
        }

        LogVerification verification = new LogVerifier(jdbc, log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.bodiesPurged()).isEqualTo(1);
        assertThat(verification.summary()).startsWith("INTACT: 6 entries").contains("1 body purged at the end of retention");

        // again, on the same or another node: nothing left to purge
        assertThat(purge.purge(false).bodiesPurged()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retention_purge", Integer.class)).isEqualTo(1);

        // the newer case ends its retention too: the shared permit goes with it
        clock.advance(Duration.ofDays(200));
        RetentionReport later = purge.purge(false);
        assertThat(later.messages()).extracting(RetentionReport.Purged::messageId).contains(newer);
        assertThat(log.attachment(sha("a welder's permit"))).isEmpty();
        assertThat(new LogVerifier(jdbc, log).verify().intact()).isTrue();
    }

    private String logged(String conversation, Instant at, MessageState state, Part... parts) {
        Instant now = clock.instant();
        NewMessage m = TestMessages.inbound("UZB:MEHNAT", "EmploymentContractRegistration", at, parts);
        LogEntry e = m.entry();
        LogEntry inCase = new LogEntry(0, e.messageId(), e.direction(), conversation, e.inReplyTo(), e.agreementId(),
                e.from(), e.to(), e.documentType(), e.created(), e.loggedAt(), e.digest(), e.size(), e.receiptDigest(),
                e.attachments());
        String id = log.append(new NewMessage(inCase, m.body(), m.receipt(), m.attachmentContents(), MessageState.ACCEPTED,
                m.note(), false)).message().messageId();
        if (state != MessageState.ACCEPTED) {
            log.changeState(id, state, "started process contract-vetting");
        }
        assertThat(clock.instant()).isEqualTo(now);
        return id;
    }

    private static String sha(String content) {
        return org.lmx.connectors.Sha256.hex(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
