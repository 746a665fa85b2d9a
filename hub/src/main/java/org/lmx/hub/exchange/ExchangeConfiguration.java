package org.lmx.hub.exchange;

import java.time.Clock;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.HttpCrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.soap.ExchangeEndpoints;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.exchange.ExchangeSoapRoute;
import org.lmx.routes.inbound.InboundPipeline;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the exchange (routes module) to the hub's data directory, database and signing credential. */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    AgreementRegistry agreementRegistry(JdbcTemplate jdbc, DataDirectory data, Clock clock) {
        return new AgreementRegistry(jdbc, data.agreements(), data.pki(), clock);
    }

    @Bean
    SignatureVerifier signatureVerifier() {
        return new SignatureVerifier(new HttpCrlSource());
    }

    @Bean
    ReceiptIssuer receiptIssuer(Credential hubCredential, LmxProperties properties, Clock clock) {
        return new ReceiptIssuer(hubCredential, properties.hubParty(), clock);
    }

    @Bean
    InboundPipeline inboundPipeline(AgreementRegistry agreements, SignatureVerifier verifier, ReceiptIssuer receipts,
                                    LmxProperties properties, Clock clock) {
        return new InboundPipeline(agreements, verifier, receipts, properties.hubParty(),
                SecureXml.DEFAULT_MAX_DOCUMENT_BYTES, clock);
    }

    @Bean
    ExchangeSoapRoute exchangeSoapRoute(InboundPipeline pipeline) {
        return new ExchangeSoapRoute(pipeline);
    }

    @Bean
    FilterRegistrationBean<CallSizeLimitFilter> callSizeLimit() {
        FilterRegistrationBean<CallSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new CallSizeLimitFilter(CallSizeLimitFilter.MAX_CALL_BYTES));
        registration.addUrlPatterns("/services/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
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
