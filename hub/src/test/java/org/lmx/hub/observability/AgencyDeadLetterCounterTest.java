package org.lmx.hub.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.lmx.routes.agency.AgencyInbound;

/** A message the migration police's route puts on its dead letters is counted by agency and code; others are not. */
class AgencyDeadLetterCounterTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aDeadLetterOfThePoliceIsCountedWithItsCodeAndItsReceiptIsNot() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getManagementStrategy().addEventNotifier(new AgencyDeadLetterCounter(
                    new ExchangeMetrics(registry, new MetricTags(() -> Set.of("KAZ:MIA")))));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:dead-letter").routeId("test-dead-letter").to("mock:queue:lmx.agency.MIA.dlq").id("dlq");
                    from("direct:receipt").routeId("test-receipt").to("mock:queue:lmx.agency.MIA.in").id("in");
                }
            });
            camel.start();
            Map<String, Object> headers = Map.of(AgencyInbound.AGENCY, "KAZ:MIA", AgencyInbound.ERROR_CODE, "LMX-MSG-NOT-BYTES");

            camel.createProducerTemplate().sendBodyAndHeaders("direct:dead-letter", "a text message", headers);
            camel.createProducerTemplate().sendBodyAndHeaders("direct:receipt", "a receipt", headers);

            assertThat(registry.get(ExchangeMetrics.AGENCY_DEAD_LETTERS).tag("partner", "KAZ:MIA")
                    .tag("code", "LMX-MSG-NOT-BYTES").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void onlyAnAgencysDeadLetterQueueIsOne() {
        assertThat(AgencyDeadLetterCounter.isDeadLetterQueue("jms://queue:lmx.agency.AKIMAT-23.dlq?jmsMessageType=Bytes"))
                .isTrue();
        assertThat(AgencyDeadLetterCounter.isDeadLetterQueue("jms://queue:lmx.agency.MIA.in?jmsMessageType=Bytes")).isFalse();
        assertThat(AgencyDeadLetterCounter.isDeadLetterQueue("jms://queue:DLQ")).isFalse();
    }
}
