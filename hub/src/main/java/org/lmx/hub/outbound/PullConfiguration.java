package org.lmx.hub.outbound;

import java.time.Clock;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.outbound.PullDeliveryRoute;
import org.lmx.routes.outbound.PullQueue;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires delivery to pull partners: FetchPending and Acknowledge of the Exchange service end in these routes. */
@Configuration(proxyBeanMethods = false)
class PullConfiguration {

    @Bean
    PullDeliveryRoute pullDeliveryRoute(JdbcTemplate jdbc, MessageLog log, AgreementRegistry agreements,
                                        ReceiptReconciler reconciler, PlatformTransactionManager transactions, Clock clock) {
        return new PullDeliveryRoute(new PullQueue(jdbc, clock), log, agreements, reconciler, transactions);
    }
}
