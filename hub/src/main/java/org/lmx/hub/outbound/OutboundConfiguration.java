package org.lmx.hub.outbound;

import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.Outbox;
import org.lmx.routes.outbound.AgencyDeliveryRoute;
import org.lmx.routes.outbound.DeliveryAttempts;
import org.lmx.routes.outbound.DeliveryReceipts;
import org.lmx.routes.outbound.OutboundIssuer;
import org.lmx.routes.outbound.OutboundRequestKeys;
import org.lmx.routes.outbound.OutboundRoute;
import org.lmx.routes.outbound.PartnerExchangeClient;
import org.lmx.routes.outbound.PartnerPushRoute;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.lmx.routes.outbound.SignedReceiptReconciler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires what the hub sends: the outbound entry ({@code direct:outbound}), the delivery to the agencies' {@code .in}
 * queues through the Camel {@code jms} component (the broker's connection factory), the delivery to push partners
 * by Submit at their agreements' endpoints, and the reconciliation of the recipients' receipts. The delivery polls the outbox as often and as much as the inbound dispatcher.
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundRoute outboundRoute(AgreementRegistry agreements, MessageLog log, JdbcTemplate jdbc,
                                PlatformTransactionManager transactions, Credential hubCredential,
                                LmxProperties properties, Clock clock) {
        return new OutboundRoute(new OutboundIssuer(agreements, log, new OutboundRequestKeys(jdbc), transactions,
                hubCredential, properties.hubParty(), clock));
    }

    @Bean
    AgencyDeliveryRoute agencyDeliveryRoute(DeliveryAttempts attempts, MessageLog log, AgreementRegistry agreements,
                                            PlatformTransactionManager transactions, LmxProperties properties,
                                            Clock clock) {
        return new AgencyDeliveryRoute(attempts, log, agreements, transactions, clock, AgencyDeliveryRoute.JMS_ENDPOINT,
                properties.outbox().pollMillis(), properties.outbox().batch());
    }

    @Bean
    DeliveryAttempts deliveryAttempts(JdbcTemplate jdbc, Clock clock) {
        return new DeliveryAttempts(jdbc, clock);
    }

    @Bean
    PartnerPushRoute partnerPushRoute(DeliveryAttempts attempts, MessageLog log, AgreementRegistry agreements,
                                      ReceiptReconciler reconciler, PlatformTransactionManager transactions,
                                      LmxProperties properties, Clock clock) {
        return new PartnerPushRoute(attempts, log, agreements, reconciler,
                new PartnerExchangeClient(properties.push().connectTimeout(), properties.push().receiveTimeout()),
                transactions, clock, properties.outbox().pollMillis(), properties.outbox().batch());
    }

    @Bean
    DeliveryReceipts deliveryReceipts(JdbcTemplate jdbc) {
        return new DeliveryReceipts(jdbc);
    }

    @Bean
    ReceiptReconciler receiptReconciler(AgreementRegistry agreements, SignatureVerifier verifier, MessageLog log,
                                        DeliveryReceipts receipts, PlatformTransactionManager transactions,
                                        LmxProperties properties, Clock clock) {
        return new SignedReceiptReconciler(agreements, verifier, log, receipts, transactions, properties.hubParty(), clock);
    }
}
