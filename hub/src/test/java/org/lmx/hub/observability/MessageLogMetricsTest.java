package org.lmx.hub.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.log.DataCipher;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Outbox;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound counters and the delivery histogram as a permit decision for the migration police goes through its
 * states, counted only once committed; the gauges of stuck and failed messages read from the log.
 */
class MessageLogMetricsTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final String MIA = "KAZ:MIA";

    private final TestClock clock = new TestClock(START, ZoneOffset.UTC);
    private final RegistryDatabase.Database db = RegistryDatabase.database();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ExchangeMetrics metrics = new ExchangeMetrics(registry, new MetricTags(() -> Set.of(MIA, "KOR:MOEL")));
    private final MeteredMessageLog log = new MeteredMessageLog(db.jdbc(), db.transactions(), clock, DataCipher.NONE,
            metrics);

    @Test
    void aPermitDecisionRetriedOnceThenDeliveredIsCountedStepByStepWithItsLatency() {
        String id = issue(MIA, "PermitDecision");
        log.changeState(id, MessageState.SENT, "put on lmx.agency.MIA.in");
        log.changeState(id, MessageState.RETRYING, "not taken by the broker");
        clock.advance(Duration.ofSeconds(90));
        log.changeState(id, MessageState.SENT, "put on lmx.agency.MIA.in (attempt 2)");
        clock.advance(Duration.ofSeconds(30));
        log.changeState(id, MessageState.DELIVERED, "receipt of KAZ:MIA");

        assertThat(out("queued")).isEqualTo(1);
        assertThat(out("sent")).isEqualTo(2);
        assertThat(out("delivered")).isEqualTo(1);
        assertThat(registry.get(ExchangeMetrics.DELIVERY_RETRIES).tag("trigger", "backoff").counter().count()).isEqualTo(1);
        var latency = registry.get(ExchangeMetrics.DELIVERY_LATENCY).tag("partner", MIA)
                .tag("document_type", "PermitDecision").tag("outcome", "delivered").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).isEqualTo(120);
    }

    @Test
    void aStateChangeRolledBackWithItsTransactionIsNotCounted() {
        String id = issue(MIA, "ComplianceAlert");

        assertThatThrownBy(() -> new TransactionTemplate(db.transactions()).executeWithoutResult(status -> {
            log.changeState(id, MessageState.SENT, "put on lmx.agency.MIA.in");
            throw new IllegalStateException("the broker did not take it");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registry.find(ExchangeMetrics.MESSAGES_OUT).tag("state", "sent").counter()).isNull();
        assertThat(out("queued")).isEqualTo(1);
    }

    @Test
    void messagesWithoutProgressPastTheThresholdAreStuckAndFailedOnesAreDeadLetters() {
        MessageLogGauges.register(registry, db.jdbc(), Duration.ofMinutes(15), Duration.ZERO, clock);
        System.gc(); // nothing but the gauges holds what they read: they must still read it (not NaN) after a GC
        String queued = issue(MIA, "IdentityCheckRequest");
        String failed = issue("KOR:MOEL", "QualificationVerificationRequest");
        log.changeState(failed, MessageState.FAILED, "no answer from the endpoint after 5 attempts");

        clock.advance(Duration.ofMinutes(14));
        assertThat(stuck("outbound", "queued")).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(stuck("outbound", "queued")).isEqualTo(1);
        assertThat(registry.get(MessageLogGauges.FAILED).gauge().value()).isEqualTo(1);

        log.changeState(queued, MessageState.SENT, "put on lmx.agency.MIA.in");
        assertThat(stuck("outbound", "queued")).isZero();
        assertThat(stuck("outbound", "sent")).isZero(); // it has just moved
    }

    @Test
    void aPartnerWithoutAgreementOrADocumentTypeOutsideTheCatalogueIsNoTagOfItsOwn() {
        MetricTags tags = new MetricTags(() -> Set.of(MIA));

        assertThat(tags.partner("XXX:ANYONE")).isEqualTo(MetricTags.UNKNOWN);
        assertThat(tags.partner(MIA)).isEqualTo(MIA);
        assertThat(MetricTags.documentType("EvilType" + UUID.randomUUID())).isEqualTo(MetricTags.UNKNOWN);
        assertThat(MetricTags.documentType("WorkPermitApplication")).isEqualTo("WorkPermitApplication");
    }

    private double out(String state) {
        return registry.get(ExchangeMetrics.MESSAGES_OUT).tag("state", state).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double stuck(String direction, String state) {
        return registry.get(MessageLogGauges.STUCK).tag("direction", direction).tag("state", state).gauge().value();
    }

    private String issue(String to, String documentType) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage><!-- " + id + " --></ExchangeMessage>").getBytes(StandardCharsets.UTF_8);
        LogEntry entry = new LogEntry(0, id, Direction.OUTBOUND, UUID.randomUUID().toString(), null,
                "AGR-" + to.replace(':', '-'), "KAZ:MLSP", to, documentType, clock.instant().toString(), clock.instant(),
                Sha256.hex(body), body.length, null, List.of());
        log.append(new NewMessage(entry, body, null, Map.of(), MessageState.QUEUED, "issued by the test",
                Outbox.Kind.DELIVER));
        return id;
    }
}
