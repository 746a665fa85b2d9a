package org.lmx.routes.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * outbox until a later round succeeds, after which it is dispatched exactly once.
 */
class OutboxDispatchRouteTest {

    private RegistryDatabase.Database db;
    private MessageLog log;
    private CamelContext camel;
    private final List<String> handed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.ofHours(5));
        db = RegistryDatabase.pooled(5);
        db.jdbc().execute("CREATE TABLE handled (message_id VARCHAR(36))");
        log = new MessageLog(db.jdbc(), db.transactions(), clock);
        DocumentHandler handler = message -> {
            handed.add(message.messageId());
            // written in the dispatcher's transaction: kept only if the document is marked DISPATCHED
            db.jdbc().update("INSERT INTO handled (message_id) VALUES (?)", message.messageId());
            if (failing.get()) {
                throw new IllegalStateException("the process engine is down");
            }
            return "started process work-permit for " + message.entry().documentType();
        };
        camel = new DefaultCamelContext();
        camel.addRoutes(new OutboxDispatchRoute(new Outbox(db.jdbc(), clock), log, db.transactions(), 20, 10, handler));
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

        await().atMost(Duration.ofSeconds(10)).until(() -> handed.size() >= 2); // tried, failed, tried again
        LoggedMessage waiting = log.find(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(handledRows(id)).isZero();

        failing.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(id).orElseThrow().state() == MessageState.DISPATCHED);
        assertThat(handledRows(id)).isEqualTo(1);
        assertThat(log.history(id)).extracting(StateChange::state)
                .containsExactly(MessageState.ACCEPTED, MessageState.DISPATCHED);
        int handedWhenDispatched = handed.size();
        // the next rounds (every 20 ms) find nothing more to dispatch
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handed.size() == handedWhenDispatched);
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
