package org.lmx.hub.simulator;

import jakarta.jws.WebService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.hub.cli.ExchangeClient;
import org.lmx.hub.cli.ReceiptCheck;
import org.lmx.routes.inbound.ReceivedHeader;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.FetchPendingResponse;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The demo partner's Exchange service, acting for whichever push partner a document is addressed to: it verifies
 * the hub's signature, answers Submit with that partner's signed receipt (the very same receipt again for a resend),
 * and afterwards submits the partner's signed answer to a request it knows (QualificationVerificationResult,
 * InformationResponse) to the hub's own Exchange endpoint, as the partner's gateway would.
 */
@WebService(endpointInterface = "org.lmx.xsd.service.v1.ExchangePortType", targetNamespace = "urn:lmx:exchange:wsdl:1",
        serviceName = "ExchangeService", portName = "ExchangeSoap12Port", wsdlLocation = "classpath:lmx/exchange.wsdl")
public class SimulatedPartner implements ExchangePortType {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPartner.class);

    /** The receipt a document got, kept for its resends. */
    private record Answered(String digest, byte[] receipt) {
    }

    private final SimulatedParties parties;
    private final Supplier<String> hubUrl;
    private final Executor answering;
    private final Map<String, Answered> answered = new ConcurrentHashMap<>();

    /**
     * @param hubUrl    the hub's base URL (e.g. {@code http://127.0.0.1:8080}), known once its web server runs
     * @param answering where the answers to requests are submitted to the hub, after the receipt has left
     */
    public SimulatedPartner(SimulatedParties parties, Supplier<String> hubUrl, Executor answering) {
        this.parties = parties;
        this.hubUrl = hubUrl;
        this.answering = answering;
    }

    @Override
    public SubmitResponse submit(Submit submit) {
        byte[] received = submit.getDocument();
        String digest = Sha256.hex(received);
        VerifiedDocument verified;
        try {
            verified = parties.fromHub(received);
        } catch (LmxException e) {
            // a partner answers what it cannot trust with a fault: the hub's delivery retries, an operator looks
            LOG.warn("[simulator] the demo partner refuses a document not signed by the hub: [{}] {}", e.code(), e.getMessage());
            throw new IllegalStateException("not a document signed by the hub: [" + e.code() + "] " + e.getMessage());
        }
        ReceivedHeader header = ReceivedHeader.of(verified.document());
        String partner = header.to().orElse("?");
        String messageId = header.messageId().orElseThrow();
        String type = header.documentType().orElse("?");
        if (!parties.has(partner)) {
            throw new IllegalStateException("the demo partner does not act for " + partner + ": no development key");
        }
        SubmitResponse response = new SubmitResponse();
        synchronized (answered) {
            Answered before = answered.get(messageId);
            if (before != null) {
                if (!before.digest().equals(digest)) {
                    throw new IllegalStateException(messageId + " came before with other bytes");
                }
                LOG.info("[simulator] {} got {} {} again: the same signed receipt once more", partner, type, messageId);
                response.setReceipt(before.receipt());
                return response;
            }
            CounterpartyAnswers answers = parties.as(partner);
            Document document = verified.document();
            byte[] receipt = answers.receipt(document, received);
            Optional<byte[]> answer = answers.answer(document, received);
            answered.put(messageId, new Answered(digest, receipt));
            LOG.info("[simulator] {} received {} {} (conversation {}) over SOAP and answered with its signed receipt"
                    + " ACCEPTED", partner, type, messageId, header.conversationId().orElse("?"));
            answer.ifPresent(bytes -> answering.execute(() -> submitToHub(partner, type, messageId, bytes)));
            response.setReceipt(receipt);
            return response;
        }
    }

    /** The partner's answer to the hub's Exchange endpoint (SOAP, MTOM), and the hub's receipt checked. */
    private void submitToHub(String partner, String requestType, String requestId, byte[] answer) {
        try {
            ReceivedHeader sent = ReceivedHeader.of(SecureXml.parse(answer));
            String answerId = sent.messageId().orElseThrow();
            byte[] receipt = new ExchangeClient(hubUrl.get()).submit(answer, List.of());
            ReceiptCheck.CheckedReceipt checked = ReceiptCheck.check(receipt, parties.hubCaCertificate(), answerId,
                    Sha256.hex(answer));
            LOG.info("[simulator] {} submitted {} {} in answer to {} {} to the hub at {}: the hub's signed receipt says {}{}",
                    partner, sent.documentType().orElse("?"), answerId, requestType, requestId, hubUrl.get(),
                    checked.status(), checked.code() == null ? "" : " [" + checked.code() + "] " + checked.reason());
        } catch (Exception e) {
            LOG.warn("[simulator] {} could not submit its answer to {} {} to the hub: {}", partner, requestType, requestId,
                    e.getMessage(), e);
        }
    }

    @Override
    public GetStatusResponse getStatus(GetStatus request) {
        throw new UnsupportedOperationException("the demo partner answers Submit only");
    }

    @Override
    public AcknowledgeResponse acknowledge(Acknowledge request) {
        throw new UnsupportedOperationException("the demo partner answers Submit only");
    }

    @Override
    public FetchPendingResponse fetchPending(FetchPending request) {
        throw new UnsupportedOperationException("the demo partner answers Submit only");
    }
}
