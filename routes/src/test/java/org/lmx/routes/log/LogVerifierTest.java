package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.TestMessages.Part;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampering with a stored entry, as someone with write access to the database could, and what the verifier
 * makes of it: three entries, the second with an attachment; each test changes one thing.
 */
class LogVerifierTest {

    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z");

    private final RegistryDatabase.Database db = RegistryDatabase.database();
    private final JdbcTemplate jdbc = db.jdbc();
    private final MessageLog log = new MessageLog(jdbc, db.transactions(), new TestClock(START, ZoneOffset.UTC));
    private final LogVerifier verifier = new LogVerifier(jdbc, log);
    private List<String> ids;
    private String contractSha256;

    @BeforeEach
    void threeEntries() {
        NewMessage second = TestMessages.inbound("UZB:MEHNAT", "EmploymentContractRegistration", START.plusSeconds(1),
                Part.of("contract", "the signed contract"));
        ids = List.of(
                log.append(TestMessages.inbound("KOR:MOEL", "Ping", START)).message().messageId(),
                log.append(second).message().messageId(),
                log.append(TestMessages.inbound("KOR:MOEL", "StatusRequest", START.plusSeconds(2))).message().messageId());
        contractSha256 = second.entry().attachments().get(0).sha256();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void anUntouchedLogIsIntactWithEveryContentCounted() {
        // states are not chained: they change for ever after
        log.changeState(ids.get(0), MessageState.DISPATCHED, "done");
        LogVerification v = verifier.verify();

        assertThat(v.intact()).as(v.summary()).isTrue();
        assertThat(v.entriesVerified()).isEqualTo(3);
        // three bodies, three receipts, one attachment
        assertThat(v.contentsVerified()).isEqualTo(7);
        assertThat(v.headHash()).isEqualTo(jdbc.queryForObject("SELECT last_hash FROM log_chain", String.class))
                .isEqualTo(jdbc.queryForObject("SELECT entry_hash FROM message_log WHERE seq = 3", String.class));
        assertThat(v.summary()).startsWith("INTACT: 3 entries");
    }

    @Test
    void anEmptyLogIsIntact() {
        RegistryDatabase.Database empty = RegistryDatabase.database();
        try {
            LogVerification v = new LogVerifier(empty.jdbc(), new MessageLog(empty.jdbc(), empty.transactions(),
                    new TestClock(START, ZoneOffset.UTC))).verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.entriesVerified()).isZero();
            assertThat(v.headHash()).isEqualTo(LogEntry.GENESIS);
        } finally {
            empty.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "from_party = 'TJK:MLME'", "to_party = 'KAZ:MIA'", "document_type = 'Ping'", "agreement_id = 'AGR-OTHER'",
            "conversation_id = '11111111-1111-1111-1111-111111111111'", "in_reply_to = '22222222-2222-2222-2222-222222222222'",
            "created = '2026-11-24T14:00:09+09:00'", "logged_at = logged_at + INTERVAL '1' SECOND",
            "digest = REPEAT('0', 64)",
            "size_bytes = size_bytes + 1", "receipt_digest = NULL", "direction = 'OUTBOUND'"})
    void aChangedMetadataColumnBreaksTheChainAtThatEntry(String change) {
        assertThat(jdbc.update("UPDATE message_log SET " + change + " WHERE seq = 2")).isEqualTo(1);
        assertBrokenAt(2, ids.get(1), "metadata");
    }

    @Test
    void aChangedAttachmentDeclarationBreaksTheChainAtItsEntry() {
        jdbc.update("UPDATE message_attachment SET file_name = 'other.pdf' WHERE message_id = ?", ids.get(1));
        assertBrokenAt(2, ids.get(1), "metadata");
    }

    @Test
    void aChangedBodyByteBreaksTheChainAtThatEntry() {
        flipFirstByte("message_log", "body", "seq = 2");
        assertBrokenAt(2, ids.get(1), "body");
    }

    @Test
    void aChangedReceiptByteBreaksTheChainAtThatEntry() {
        flipFirstByte("message_log", "receipt", "seq = 3");
        assertBrokenAt(3, ids.get(2), "receipt");
    }

    @Test
    void aChangedAttachmentContentBreaksTheChainAtTheEntryThatDeclaresIt() {
        flipFirstByte("attachment_content", "content", "sha256 = '" + contractSha256 + "'");
        assertBrokenAt(2, ids.get(1), "attachment contract");
    }

    @Test
    void aDeletedAttachmentContentRecordIsNotTakenForAPurge() {
        jdbc.update("DELETE FROM attachment_content WHERE sha256 = ?", contractSha256);
        assertBrokenAt(2, ids.get(1), "content record of its attachment contract is missing");
    }

    @Test
    void aDeletedLastEntryIsSeenAtTheHead() {
        delete(ids.get(2));
        LogVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBreak().orElseThrow().seq()).isEqualTo(3);
        assertThat(v.firstBreak().orElseThrow().problem()).contains("head");
        assertThat(v.entriesVerified()).isEqualTo(2);
        assertThat(v.summary()).startsWith("BROKEN at entry 3");
    }

    @Test
    void aDeletedMiddleEntryIsNamedByItsSequenceNumber() {
        delete(ids.get(1));
        LogVerification v = verifier.verify();
        assertThat(v.firstBreak()).hasValue(new LogVerification.Break(2, null, "entry 2 is missing"));
        assertThat(v.entriesVerified()).isEqualTo(1);
    }

    @Test
    void aBodyRemovedWithoutARecordedPurgeIsABreak() {
        jdbc.update("UPDATE message_log SET body = NULL WHERE seq = 2");
        assertBrokenAt(2, ids.get(1), "its body is missing and no retention purge of it is recorded");
    }

    @Test
    void anAttachmentContentRemovedWithoutARecordedPurgeIsABreak() {
        jdbc.update("UPDATE attachment_content SET content = NULL");
        assertBrokenAt(2, ids.get(1), "the content of its attachment contract is missing and no retention purge");
    }

    private void assertBrokenAt(long seq, String messageId, String problem) {
        LogVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        LogVerification.Break broken = v.firstBreak().orElseThrow();
        assertThat(broken.seq()).isEqualTo(seq);
        assertThat(broken.messageId()).isEqualTo(messageId);
        assertThat(broken.problem()).contains(problem);
        assertThat(v.entriesVerified()).isEqualTo(seq - 1);
        assertThat(v.summary()).contains("BROKEN at entry " + seq).contains(messageId);
    }

    private void flipFirstByte(String table, String column, String where) {
        byte[] content = jdbc.queryForObject("SELECT " + column + " FROM " + table + " WHERE " + where, byte[].class);
        content[0] ^= 0x01;
        assertThat(jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE " + where, (Object) content)).isEqualTo(1);
    }

    private void delete(String messageId) {
        for (String table : new String[] {"outbox", "message_event", "message_attachment", "message_log"}) {
            jdbc.update("DELETE FROM " + table + " WHERE message_id = ?", messageId);
        }
    }
}
