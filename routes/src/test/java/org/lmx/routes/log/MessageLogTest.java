package org.lmx.routes.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.TestMessages.Part;
import org.springframework.jdbc.core.JdbcTemplate;

/** The message log on a fresh in-memory H2 database, at times a test sets. */
class MessageLogTest {

    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z");

    private final TestClock clock = new TestClock(START, ZoneOffset.UTC);
    private RegistryDatabase.Database db = RegistryDatabase.database();
    private JdbcTemplate jdbc = db.jdbc();
    private MessageLog log = new MessageLog(jdbc, db.transactions(), clock);

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void appendAssignsConsecutiveSequenceNumbersAndChainsTheHashes() {
        List<NewMessage> sent = List.of(
                TestMessages.inbound("KOR:MOEL", "Ping", START),
                TestMessages.inbound("UZB:MEHNAT", "WorkPermitApplication", START.plusSeconds(1), Part.of("passport", "scan")),
                TestMessages.inbound("KOR:MOEL", "EmploymentContractRegistration", START.plusSeconds(2)));
        List<MessageLog.Appended> appended = sent.stream().map(log::append).toList();

        assertThat(appended).allSatisfy(a -> assertThat(a.fresh()).isTrue());
        assertThat(appended).extracting(a -> a.message().entry().seq()).containsExactly(1L, 2L, 3L);
        String previous = LogEntry.GENESIS;
        for (int i = 0; i < sent.size(); i++) {
            long seq = i + 1;
            Map<String, Object> row = jdbc.queryForMap("SELECT message_id, prev_hash, entry_hash FROM message_log WHERE seq = ?", seq);
            LogEntry entry = log.find(sent.get(i).entry().messageId()).orElseThrow().entry();
            assertThat(row.get("message_id")).isEqualTo(sent.get(i).entry().messageId());
            assertThat(row.get("prev_hash")).isEqualTo(previous);
            // the hash is over what was sent, with the seq the log gave it, and reads back the same
            assertThat(entry).isEqualTo(sent.get(i).entry().withSeq(seq));
            assertThat(row.get("entry_hash")).isEqualTo(entry.chainHash(previous));
            previous = (String) row.get("entry_hash");
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain");
        assertThat(head.get("last_seq")).isEqualTo(3L);
        assertThat(head.get("last_hash")).isEqualTo(previous);
        assertThat(appended.get(0).message().state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(appended.get(0).message().stateAt()).isEqualTo(START);
    }

    @Test
    void appendKeepsTheBodyReceiptAttachmentsAndOutboxRowInOneGo() {
        Part passport = Part.of("passport", "passport scan");
        NewMessage sent = TestMessages.inbound("UZB:MEHNAT", "WorkPermitApplication", START, passport);
        String id = sent.entry().messageId();
        log.append(sent);

        assertThat(log.body(id)).hasValue(sent.body());
        assertThat(log.receipt(id)).hasValue(sent.receipt());
        String sha256 = sent.entry().attachments().get(0).sha256();
        assertThat(log.attachment(sha256)).hasValue(passport.content());
        assertThat(log.messagesWithAttachment(sha256)).containsExactly(id);
        assertThat(log.find(id).orElseThrow().entry().attachments()).containsExactlyElementsOf(sent.entry().attachments());
        assertThat(jdbc.queryForList("SELECT message_id FROM outbox WHERE done_at IS NULL", String.class)).containsExactly(id);
        assertThat(log.history(id)).containsExactly(new StateChange(START, MessageState.ACCEPTED, "received over TEST"));
    }

    @Test
    void anAttachmentSentWithTwoMessagesIsKeptOnce() {
        Part same = Part.of("contract", "the same contract");
        NewMessage first = TestMessages.inbound("KOR:MOEL", "EmploymentContractRegistration", START, same);
        NewMessage second = TestMessages.inbound("KOR:MOEL", "EmploymentContractRegistration", START, same);
        log.append(first);
        log.append(second);

        String sha256 = first.entry().attachments().get(0).sha256();
        assertThat(count("attachment_content")).isEqualTo(1);
        assertThat(log.messagesWithAttachment(sha256))
                .containsExactlyInAnyOrder(first.entry().messageId(), second.entry().messageId());
    }

    @Test
    void aMessageNotForTheOutboxGetsNoOutboxRow() {
        NewMessage sent = TestMessages.inbound("KOR:MOEL", "Ping", START);
        log.append(new NewMessage(sent.entry(), sent.body(), sent.receipt(), sent.attachmentContents(), sent.state(),
                sent.note(), false));
        assertThat(count("message_log")).isEqualTo(1);
        assertThat(count("outbox")).isZero();
    }

    @Test
    void appendOfALoggedMessageIdReturnsTheLoggedMessageAndWritesNothing() {
        NewMessage first = TestMessages.inbound("KOR:MOEL", "Ping", START, Part.of("a", "first"));
        log.append(first);
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain");

        // other bytes, another attachment, a later time: the first one stays
        clock.advance(Duration.ofMinutes(5));
        NewMessage again = TestMessages.inbound(first.entry().messageId(), "KOR:MOEL", "Ping", clock.instant(),
                "<other/>".getBytes(), Part.of("b", "second"));
        MessageLog.Appended appended = log.append(again);

        assertThat(appended.fresh()).isFalse();
        assertThat(appended.message().entry()).isEqualTo(first.entry().withSeq(1));
        assertThat(log.body(first.entry().messageId())).hasValue(first.body());
        assertThat(jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain")).isEqualTo(head);
        assertThat(List.of(count("message_log"), count("message_attachment"), count("attachment_content"),
                count("message_event"), count("outbox"))).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void messagesCommittedTogetherChainInOrderAndAResendInTheSameCommitFindsTheFirstCopy() {
        NewMessage loggedBefore = TestMessages.inbound("UZB:MEHNAT", "Ping", START);
        log.append(loggedBefore);
        NewMessage notice = TestMessages.inbound("KOR:MOEL", "BusinessNotice", START, Part.of("a", "scan"));
        NewMessage resendOfNotice = TestMessages.inbound(notice.entry().messageId(), "KOR:MOEL", "BusinessNotice",
                START, "<other/>".getBytes());
        NewMessage request = TestMessages.inbound("TJK:MLME", "InformationRequest", START);
        NewMessage resendOfEarlier = TestMessages.inbound(loggedBefore.entry().messageId(), "UZB:MEHNAT", "Ping",
                START, "<other/>".getBytes());

        List<MessageLog.Appended> appended = log.appendTogether(List.of(notice, resendOfNotice, request, resendOfEarlier));

        assertThat(appended).extracting(MessageLog.Appended::fresh).containsExactly(true, false, true, false);
        assertThat(appended).extracting(a -> a.message().entry().seq()).containsExactly(2L, 2L, 3L, 1L);
        assertThat(log.body(notice.entry().messageId())).hasValue(notice.body());
        assertThat(jdbc.queryForObject("SELECT last_seq FROM log_chain", Long.class)).isEqualTo(3L);
        assertThat(List.of(count("message_log"), count("message_attachment"), count("message_event"), count("outbox")))
                .containsExactly(3, 1, 3, 3);
        LogVerification verification = new LogVerifier(jdbc, log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesVerified()).isEqualTo(3);
    }

    @Test
    void changeStateMovesTheMessageAndWritesItsHistory() {
        String id = log.append(TestMessages.inbound("KOR:MOEL", "Ping", START)).message().messageId();
        clock.advance(Duration.ofSeconds(3));
        log.changeState(id, MessageState.DISPATCHED, "handed over");

        LoggedMessage now = log.find(id).orElseThrow();
        assertThat(now.state()).isEqualTo(MessageState.DISPATCHED);
        assertThat(now.stateAt()).isEqualTo(START.plusSeconds(3));
        assertThat(log.history(id)).containsExactly(
                new StateChange(START, MessageState.ACCEPTED, "received over TEST"),
                new StateChange(START.plusSeconds(3), MessageState.DISPATCHED, "handed over"));
        assertThatThrownBy(() -> log.changeState("00000000-0000-0000-0000-000000000001", MessageState.DISPATCHED, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("message_event")).isEqualTo(2);
    }

    @Test
    void searchFiltersByPartyTypeStateAndTimeNewestFirstInPages() {
        List<String> ids = new ArrayList<>();
        String[][] messages = {
                {"KOR:MOEL", "Ping"}, {"UZB:MEHNAT", "WorkPermitApplication"}, {"KOR:MOEL", "EmploymentContractRegistration"},
                {"UZB:MEHNAT", "Ping"}, {"KOR:MOEL", "Ping"}};
        for (int i = 0; i < messages.length; i++) {
            ids.add(log.append(TestMessages.inbound(messages[i][0], messages[i][1], START.plus(i, ChronoUnit.HOURS)))
                    .message().messageId());
        }
        log.changeState(ids.get(0), MessageState.DISPATCHED, "done");

        assertThat(search(new MessageQuery("KOR:MOEL", null, null, null, null, 0, 10)))
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        // the hub is the recipient of all of them
        assertThat(search(new MessageQuery("KAZ:MLSP", null, null, null, null, 0, 10))).hasSize(5);
        assertThat(search(new MessageQuery(null, "Ping", null, null, null, 0, 10)))
                .containsExactly(ids.get(4), ids.get(3), ids.get(0));
        assertThat(search(new MessageQuery("UZB:MEHNAT", "Ping", null, null, null, 0, 10))).containsExactly(ids.get(3));
        assertThat(search(new MessageQuery(null, null, MessageState.DISPATCHED, null, null, 0, 10))).containsExactly(ids.get(0));
        assertThat(search(new MessageQuery(null, null, MessageState.ACCEPTED, null, null, 0, 10))).hasSize(4);
        // since is inclusive, until exclusive
        assertThat(search(new MessageQuery(null, null, null, START.plus(1, ChronoUnit.HOURS), START.plus(3, ChronoUnit.HOURS), 0, 10)))
                .containsExactly(ids.get(2), ids.get(1));

        MessagePage first = log.search(new MessageQuery(null, null, null, null, null, 0, 2));
        MessagePage last = log.search(new MessageQuery(null, null, null, null, null, 2, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(LoggedMessage::messageId).containsExactly(ids.get(4), ids.get(3));
        assertThat(last.items()).extracting(LoggedMessage::messageId).containsExactly(ids.get(0));
        assertThat(log.search(new MessageQuery(null, null, null, null, null, 3, 2)).items()).isEmpty();
        assertThat(log.search(new MessageQuery("TJK:MLME", null, null, null, null, 0, 2)).total()).isZero();
    }

    @Test
    void twoHundredConcurrentAppendsFromTwentyThreadsMakeOneUnbrokenChain() throws Exception {
        db.close();
        db = RegistryDatabase.pooled(25);
        jdbc = db.jdbc();
        log = new MessageLog(jdbc, db.transactions(), clock);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Callable<MessageLog.Appended>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String from = i % 2 == 0 ? "KOR:MOEL" : "UZB:MEHNAT";
                Part[] parts = i % 10 == 0 ? new Part[] {Part.of("scan", "scan " + i)} : new Part[0];
                appends.add(() -> log.append(TestMessages.inbound(from, "Ping", START, parts)));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<MessageLog.Appended> f : threads.invokeAll(appends)) {
                assertThat(f.get().fresh()).isTrue();
                seqs.add(f.get().message().entry().seq());
            }
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("message_log")).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT seq FROM message_log ORDER BY seq", Long.class))
                .isEqualTo(LongStream.rangeClosed(1, 200).boxed().toList());
        LogVerification verification = new LogVerifier(jdbc, log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesVerified()).isEqualTo(200);
    }

    private List<String> search(MessageQuery query) {
        return log.search(query).items().stream().map(LoggedMessage::messageId).toList();
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
