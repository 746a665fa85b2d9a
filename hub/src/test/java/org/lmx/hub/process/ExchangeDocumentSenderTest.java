package org.lmx.hub.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.outbound.OutboundRefusal;
import org.lmx.routes.outbound.OutboundRequest;
import org.lmx.routes.outbound.OutboundResult;
import org.lmx.routes.outbound.OutboundRoute;
import org.lmx.routes.outbound.OutboundRule;

/**
 * A process's document goes to the exchange's outbound entry as a keyed request (a step run again gets the document
 * issued the first time), and a refusal comes back as an exception naming the entry's code. The entry here is a
 * stand-in route on {@code direct:outbound}.
 */
class ExchangeDocumentSenderTest {

    private final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private ExchangeDocumentSender sender;

    @BeforeEach
    void entry() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(OutboundRoute.OUTBOUND).errorHandler(noErrorHandler()).process(e -> {
                    OutboundRequest request = e.getMessage().getMandatoryBody(OutboundRequest.class);
                    requests.add(request);
                    if (request.to().equals("KAZ:NOBODY")) {
                        throw new OutboundRefusal(OutboundRule.RECIPIENT_UNKNOWN, "no agreement with KAZ:NOBODY");
                    }
                    e.getMessage().setBody(new OutboundResult("issued-" + requests.size(), request.conversationId(),
                            request.inReplyTo(), "AGR-KAZ-MIA", request.to(), request.documentType(), "now", "digest",
                            MessageState.QUEUED, new byte[0], false));
                });
            }
        });
        camel.start();
        sender = new ExchangeDocumentSender(camel.createProducerTemplate());
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void theDocumentIsAKeyedRequestOfTheOutboundEntryAndItsMessageIdComesBack() {
        byte[] body = "<IdentityCheckRequest xmlns=\"urn:lmx:exchange:1\"/>".getBytes(StandardCharsets.UTF_8);

        Sent sent = sender.send(new OutgoingDocument("KAZ:MIA", "IdentityCheckRequest", "conversation-1", "application-1",
                body, "pi-1:sendIdentityCheckRequest:KAZ:MIA"));

        assertThat(sent).isEqualTo(new Sent("issued-1", "conversation-1"));
        OutboundRequest request = requests.get(0);
        assertThat(request.to()).isEqualTo("KAZ:MIA");
        assertThat(request.documentType()).isEqualTo("IdentityCheckRequest");
        assertThat(request.inReplyTo()).isEqualTo("application-1");
        assertThat(request.agreementId()).as("the recipient's agreement").isNull();
        assertThat(request.document()).isEqualTo(body);
        assertThat(request.requestKey()).isEqualTo("pi-1:sendIdentityCheckRequest:KAZ:MIA");
        assertThat(request.origin()).isEqualTo("process step pi-1:sendIdentityCheckRequest:KAZ:MIA");
    }

    @Test
    void aRefusalIsAnExceptionNamingTheEntrysCode() {
        OutgoingDocument document = new OutgoingDocument("KAZ:NOBODY", "PermitDecision", "c", null, new byte[0], "k");

        assertThatThrownBy(() -> sender.send(document)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("LMX-OUT-RECIPIENT").hasMessageContaining("PermitDecision")
                .hasCauseInstanceOf(OutboundRefusal.class);
    }
}
