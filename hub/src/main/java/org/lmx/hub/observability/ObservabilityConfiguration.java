package org.lmx.hub.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.exchange.AgreementsChanged;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operations: the exchange's metrics ({@code /actuator/prometheus}, names {@code lmx_*}) and the health indicators
 * {@code broker} and {@code engine} of the health groups (application.yml; {@code db} is Spring Boot's own).
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ExchangeMetrics exchangeMetrics(MeterRegistry registry, ObjectProvider<AgreementRegistry> agreements) {
        // the partners are read when first needed (the first message), not while the beans are being built
        return new ExchangeMetrics(registry, new MetricTags(() -> agreements.getObject().list().stream()
                .map(AgreementSummary::partner).filter(Objects::nonNull).collect(Collectors.toSet())));
    }

    @Bean
    AgreementsListener metricsAgreementsListener(ExchangeMetrics metrics) {
        return new AgreementsListener(metrics);
    }

    /** A new partner becomes a tag of its own after a reload. */
    static final class AgreementsListener {
        private final ExchangeMetrics metrics;

        AgreementsListener(ExchangeMetrics metrics) {
            this.metrics = metrics;
        }

        @EventListener
        void on(AgreementsChanged event) {
            metrics.agreementsChanged();
        }
    }

    @Bean
    AgencyDeadLetterCounter agencyDeadLetterCounter(ExchangeMetrics metrics) {
        return new AgencyDeadLetterCounter(metrics);
    }

    @Bean
    GaugesAtStart gaugesAtStart(MeterRegistry registry, JdbcTemplate jdbc, ProcessEngine engine, LmxProperties properties,
                                Clock clock) {
        return new GaugesAtStart(registry, jdbc, engine, properties.observability(), clock);
    }

    /** Registered once the engine has deployed the hub's processes (one gauge of open cases per process). */
    record GaugesAtStart(MeterRegistry registry, JdbcTemplate jdbc, ProcessEngine engine,
                         LmxProperties.Observability settings, Clock clock) {
        @EventListener(ApplicationReadyEvent.class)
        public void register() {
            MessageLogGauges.register(registry, jdbc, settings.stuckAfter(), settings.gaugeRefresh(), clock);
            OpenCasesGauges.register(registry, engine, settings.gaugeRefresh(), clock);
        }
    }

    @Bean
    EngineHealthIndicator engineHealthIndicator(ProcessEngine engine) {
        return new EngineHealthIndicator(engine);
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(ConnectionFactory connections, ObjectProvider<EmbeddedBroker> embedded,
                                                LmxProperties properties) {
        return new BrokerHealthIndicator(connections, embedded.getIfAvailable(), properties.broker().url());
    }
}
