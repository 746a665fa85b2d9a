package org.lmx.hub.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.lmx.connectors.LmxException;
import org.lmx.routes.inbound.InboundObserver;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.log.MessageState;

/**
 * The exchange's counters and latency histograms ({@code lmx_*} in Prometheus), recorded where the events happen:
 * the inbound pipeline's answer ({@link InboundObserver}) and the message log's appends and state changes
 * ({@link MeteredMessageLog}). Tags: partner, document type, outcome or state, rejection code; see {@link MetricTags}.
 */
public class ExchangeMetrics implements InboundObserver {

    static final String MESSAGES_IN = "lmx.messages.in";
    static final String INBOUND_ACCEPTANCE = "lmx.inbound.acceptance";
    static final String MESSAGES_OUT = "lmx.messages.out";
    static final String DELIVERY_LATENCY = "lmx.delivery.latency";
    static final String DELIVERY_RETRIES = "lmx.delivery.retries";
    static final String AGENCY_DEAD_LETTERS = "lmx.agency.dead.letters";
    static final String NO_CODE = "none";

    /** Bucket bounds of the latency histograms: from a fast acceptance to a delivery retried over minutes. */
    private static final Duration[] ACCEPTANCE_BUCKETS = durations("PT0.01S", "PT0.025S", "PT0.05S", "PT0.1S",
            "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S");
    private static final Duration[] DELIVERY_BUCKETS = durations("PT0.1S", "PT0.5S", "PT1S", "PT5S", "PT15S", "PT1M",
            "PT5M", "PT15M", "PT1H", "PT6H", "PT24H");

    private final MeterRegistry registry;
    private final MetricTags tags;

    ExchangeMetrics(MeterRegistry registry, MetricTags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /** The agreements changed (a new partner is a tag of its own from now on). */
    void agreementsChanged() {
        tags.refresh();
    }

    @Override
    public void answered(InboundSubmission submission, InboundResult result, Instant answeredAt) {
        String outcome = MetricTags.lower(result.outcome());
        // accepted and resent documents were signed by their From; a rejected one's From is only claimed
        String partner = tags.partner(result.header().from().orElse(null));
        String type = MetricTags.documentType(result.header().documentType().orElse(null));
        String code = result.rejection().map(LmxException::code).orElse(NO_CODE);
        Counter.builder(MESSAGES_IN).description("documents answered by the inbound pipeline (Submit and agency queues)")
                .tags("partner", partner, "document_type", type, "outcome", outcome, "code", code)
                .register(registry).increment();
        Timer.builder(INBOUND_ACCEPTANCE).description("from a document's arrival to its signed answer")
                .tags("partner", partner, "document_type", type, "outcome", outcome)
                .serviceLevelObjectives(ACCEPTANCE_BUCKETS)
                .register(registry).record(Duration.between(result.receivedAt(), answeredAt));
    }

    /** The hub issued a document: logged QUEUED for delivery. */
    void queued(String to, String documentType) {
        out(to, documentType, MessageState.QUEUED);
    }

    /**
     * An outbound message changed state; {@code queuedFor} is how long since it was issued. SENT counts every
     * attempt handed to the transport; RETRYING and an operator's retry (back to QUEUED) count as retries.
     */
    void outboundStateChanged(String to, String documentType, MessageState state, Duration queuedFor) {
        String partner = tags.partner(to);
        String type = MetricTags.documentType(documentType);
        switch (state) {
            case RETRYING, QUEUED -> Counter.builder(DELIVERY_RETRIES)
                    .description("delivery attempts scheduled again: after a failed attempt, or by an operator")
                    .tags("partner", partner, "document_type", type,
                            "trigger", state == MessageState.RETRYING ? "backoff" : "operator")
                    .register(registry).increment();
            case DELIVERED, REJECTED_BY_RECIPIENT -> {
                out(to, documentType, state);
                Timer.builder(DELIVERY_LATENCY).description("from a document's issue (QUEUED) to the recipient's receipt")
                        .tags("partner", partner, "document_type", type, "outcome", MetricTags.lower(state))
                        .serviceLevelObjectives(DELIVERY_BUCKETS)
                        .register(registry).record(queuedFor);
            }
            default -> out(to, documentType, state);
        }
    }

    /** The hub put an agency's message on its dead-letter queue ({@code lmx.agency.<CODE>.dlq}). */
    void agencyDeadLetter(String agency, String code) {
        Counter.builder(AGENCY_DEAD_LETTERS).description("messages the hub put on an agency's dead-letter queue")
                .tags("partner", tags.partner(agency), "code", code == null ? NO_CODE : code)
                .register(registry).increment();
    }

    private void out(String to, String documentType, MessageState state) {
        Counter.builder(MESSAGES_OUT).description("outbound documents entering a state (sent: every attempt)")
                .tags("partner", tags.partner(to), "document_type", MetricTags.documentType(documentType),
                        "state", MetricTags.lower(state))
                .register(registry).increment();
    }

    private static Duration[] durations(String... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.parse(values[i]);
        }
        return durations;
    }
}
