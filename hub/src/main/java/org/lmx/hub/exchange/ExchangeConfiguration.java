package org.lmx.hub.exchange;

import java.time.Clock;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.HttpCrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.soap.ExchangeEndpoints;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.observability.ExchangeMetrics;
import org.lmx.hub.observability.MeteredMessageLog;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.exchange.ExchangeSoapRoute;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.dispatch.DocumentHandler;
import org.lmx.routes.dispatch.OutboxDispatchRoute;
import org.lmx.routes.inbound.InboundChecks;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.DataCipher;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.Outbox;
import org.lmx.routes.log.RejectionAudit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the exchange (routes module) to the hub's data directory, database and signing credential. */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    AgreementRegistry agreementRegistry(JdbcTemplate jdbc, DataDirectory data, Clock clock) {
        return new AgreementRegistry(jdbc, data.agreements(), data.pki(), clock);
    }

    /** With the hub's one CRL source (TrustConfiguration): one cache and back-off per node, visible in GET /api/trust. */
    @Bean
    SignatureVerifier signatureVerifier(HttpCrlSource crlSource) {
        return new SignatureVerifier(crlSource);
    }

    @Bean
    ReceiptIssuer receiptIssuer(Credential hubCredential, LmxProperties properties, Clock clock) {
        return new ReceiptIssuer(hubCredential, properties.hubParty(), clock);
    }

    @Bean
    MessageLog messageLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, DataCipher cipher,
                          ExchangeMetrics metrics) {
        return new MeteredMessageLog(jdbc, transactions, clock, cipher, metrics);
    }

    @Bean
    LogVerifier logVerifier(JdbcTemplate jdbc, MessageLog log) {
        return new LogVerifier(jdbc, log);
    }

    @Bean
    RejectionAudit rejectionAudit(JdbcTemplate jdbc) {
        return new RejectionAudit(jdbc);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    @Bean
    InboundRoute inboundRoute(AgreementRegistry agreements, SignatureVerifier verifier, ReceiptIssuer receipts,
                              MessageLog log, RejectionAudit rejections, LmxProperties properties, Clock clock,
                              ExchangeMetrics metrics) {
        InboundChecks checks = new InboundChecks(agreements, verifier, properties.hubParty(), SizeLimits.DEFAULTS);
        return new InboundRoute(checks, log, rejections, receipts, clock, metrics);
    }

    @Bean
    ExchangeSoapRoute exchangeSoapRoute() {
        return new ExchangeSoapRoute();
    }

    @Bean
    OutboxDispatchRoute outboxDispatchRoute(Outbox outbox, MessageLog log, PlatformTransactionManager transactions,
                                            LmxProperties properties, DocumentHandler processDispatch) {
        return new OutboxDispatchRoute(outbox, log, transactions, properties.outbox().pollMillis(),
                properties.outbox().batch(), processDispatch);
    }

    @Bean
    FilterRegistrationBean<CallSizeLimitFilter> callSizeLimit() {
        FilterRegistrationBean<CallSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new CallSizeLimitFilter(CallSizeLimitFilter.MAX_CALL_BYTES));
        registration.addUrlPatterns("/services/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Also a MeterBinder: lmx_admission_* in /actuator/prometheus. */
    @Bean
    AdmissionBudget admissionBudget(LmxProperties properties) {
        return new AdmissionBudget(properties.exchange().admission().budget());
    }

    /** After the size limit, so that a declared size over it is refused at once rather than weighed. */
    @Bean
    FilterRegistrationBean<CallAdmissionFilter> callAdmission(AdmissionBudget budget, LmxProperties properties) {
        LmxProperties.Admission admission = properties.exchange().admission();
        FilterRegistrationBean<CallAdmissionFilter> registration = new FilterRegistrationBean<>(
                new CallAdmissionFilter(budget, admission.maxWait(), admission.retryAfter()));
        registration.addUrlPatterns("/services/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    CxfEndpoint exchangeSoap11() {
        return ExchangeEndpoints.soap11();
    }

    @Bean
    CxfEndpoint exchangeSoap12() {
        return ExchangeEndpoints.soap12();
    }
}
