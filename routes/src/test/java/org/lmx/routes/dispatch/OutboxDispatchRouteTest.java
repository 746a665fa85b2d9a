package org.lmx.routes.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Outbox;
import org.lmx.routes.log.StateChange;

/**
 * The outbox dispatcher with a handler of its own (as the hub gives it the case processes): the handler's answer is
 * the note of the DISPATCHED state, and a handler that fails rolls back what it wrote and leaves the document in the
 * outbox until a later round succeeds, after which it is dispatched exactly once; meanwhile it is put off with a
 * growing back-off and does not hold up the documents behind it.
 */
class OutboxDispatchRouteTest {

    private RegistryDatabase.Database db;
    private MessageLog log;
    private CamelContext camel;
    private final List<String> handed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private TestClock clock;
    private OutboxDispatchRoute dispatcher;

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.ofHours(5));
        db = RegistryDatabase.pooled(5);
        db.jdbc().execute("CREATE TABLE handled (message_id VARCHAR(36))");
        log = new MessageLog(db.jdbc(), db.transactions(), clock);
        DocumentHandler handler = message -> {
            handed.add(message.messageId());
            // written in the dispatcher's transaction: kept only if the document is marked DISPATCHED
            db.jdbc().update("INSERT INTO handled (message_id) VALUES (?)", message.messageId());
            if (failing.get() && message.entry().documentType().equals("IdentityCheckResult")) {
                throw new IllegalStateException("the process engine is down");
            }
            return "started process work-permit for " + message.entry().documentType();
        };
        camel = new DefaultCamelContext();
        // one document per round: a document that keeps failing must not hold up the one behind it
        dispatcher = new OutboxDispatchRoute(new Outbox(db.jdbc(), clock), log, db.transactions(), 20, 1, handler);
        camel.addRoutes(dispatcher);
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        db.close();
    }

    @Test
    void theHandlersAnswerIsTheNoteOfTheDispatchedState() {
        String id = accept("WorkPermitApplication");

        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(id).orElseThrow().state() == MessageState.DISPATCHED);

        List<StateChange> history = log.history(id);
        assertThat(history).extracting(StateChange::state).containsExactly(MessageState.ACCEPTED, MessageState.DISPATCHED);
        assertThat(history.get(1).note()).isEqualTo("started process work-permit for WorkPermitApplication");
        assertThat(handed).containsExactly(id);
    }

    @Test
    void aFailingHandlerLeavesTheDocumentInTheOutboxWithNothingItWroteUntilItSucceeds() {
        failing.set(true);
        String id = accept("IdentityCheckResult");

        await().atMost(Duration.ofSeconds(10)).until(() -> handed.size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) == 1);
        clock.advance(Duration.ofMillis(20)); // the first back-off: the dispatcher's period
        await().atMost(Duration.ofSeconds(10)).until(() -> handed.size() >= 2); // tried, failed, tried again
        LoggedMessage waiting = log.find(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(handledRows(id)).isZero();

        failing.set(false);
        clock.advance(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(id).orElseThrow().state() == MessageState.DISPATCHED);
        assertThat(handledRows(id)).isEqualTo(1);
        assertThat(log.history(id)).extracting(StateChange::state)
                .containsExactly(MessageState.ACCEPTED, MessageState.DISPATCHED);
        int handedWhenDispatched = handed.size();
        // the next rounds (every 20 ms) find nothing more to dispatch
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handed.size() == handedWhenDispatched);
    }

    @Test
    void aDocumentThatKeepsFailingIsPutOffWithAGrowingBackoffAndTheDocumentsBehindItGoOn() {
        failing.set(true);
        String poisoned = accept("IdentityCheckResult");
        String permit = accept("WorkPermitApplication");

        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(permit).orElseThrow().state() == MessageState.DISPATCHED);
        assertThat(log.find(poisoned).orElseThrow().state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(attempts(poisoned)).isEqualTo(1);
        assertThat(db.jdbc().queryForObject("SELECT last_error FROM outbox WHERE message_id = ?", String.class, poisoned))
                .isEqualTo("IllegalStateException: the process engine is down");
        // not due again before its back-off has passed: the rounds in between leave it alone
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> attempts(poisoned) == 1);

        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofMillis(20));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofMillis(160));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void oneRoundTakesBatchAfterBatchUntilTheOutboxIsEmptySoThatTheTimerDoesNotCapTheRate() throws Exception {
        // a dispatcher whose timer would next fire in an hour, two documents per batch: one round must take all five
        OutboxDispatchRoute hourly = new OutboxDispatchRoute(new Outbox(db.jdbc(), clock), log, db.transactions(),
                3_600_000, 2, message -> "recorded");
        camel.close();
        try (CamelContext quiet = new DefaultCamelContext()) {
            quiet.addRoutes(hourly);
            quiet.start();
            List<String> notices = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                notices.add(accept("BusinessNotice"));
            }

            hourly.drain();

            assertThat(notices).allSatisfy(id -> assertThat(log.find(id).orElseThrow().state())
                    .isEqualTo(MessageState.DISPATCHED));
        }
    }

    private int attempts(String id) {
        return db.jdbc().queryForObject("SELECT attempts FROM outbox WHERE message_id = ?", Integer.class, id);
    }

    private int handledRows(String id) {
        return db.jdbc().queryForObject("SELECT COUNT(*) FROM handled WHERE message_id = ?", Integer.class, id);
    }

    private String accept(String documentType) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage><!-- " + id + " --></ExchangeMessage>").getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-11-24T06:00:00Z");
        LogEntry entry = new LogEntry(0, id, Direction.INBOUND, UUID.randomUUID().toString(), null, "AGR-KOR-MOEL",
                "KOR:MOEL", "KAZ:MLSP", documentType, at.atOffset(ZoneOffset.ofHours(9)).toString(), at,
                Sha256.hex(body), body.length, null, List.of());
        log.append(new NewMessage(entry, body, null, Map.of(), MessageState.ACCEPTED, "received over TEST", true));
        return id;
    }
}
