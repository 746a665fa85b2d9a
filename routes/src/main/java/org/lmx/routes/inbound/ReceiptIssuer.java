package org.lmx.routes.inbound;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.xsd.exchange.v1.Body;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.DocumentType;
import org.lmx.xsd.exchange.v1.ErrorInfo;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.Header;
import org.lmx.xsd.exchange.v1.ObjectFactory;
import org.lmx.xsd.exchange.v1.Receipt;
import org.lmx.xsd.exchange.v1.ReceiptStatus;
import org.lmx.xsd.exchange.v1.StatusReport;
import org.w3c.dom.Document;

/**
 * Issues the hub's signed answers: the Receipt for a received document (which bytes by SHA-256, ACCEPTED or
 * REJECTED with the code and reason, and when) and the StatusReport for a StatusRequest. Each is addressed to
 * the sender in the thread of the received message, as far as the received header could be read; a document whose header is unreadable is answered to
 * {@value #UNKNOWN_PARTY} about MessageId {@value #UNKNOWN_MESSAGE}.
 */
public final class ReceiptIssuer {

    public static final String UNKNOWN_MESSAGE = "00000000-0000-0000-0000-000000000000";
    public static final String UNKNOWN_PARTY = "ZZZ:UNKNOWN";
    public static final String UNKNOWN_AGREEMENT = "UNKNOWN";
    private static final int MAX_REASON = 4000;

    private static final JAXBContext CONTEXT = context();
    private static final ObjectFactory DOCUMENTS = new ObjectFactory();

    private final Credential hub;
    private final String hubParty;
    private final Clock clock;

    public ReceiptIssuer(Credential hub, String hubParty, Clock clock) {
        this.hub = hub;
        this.hubParty = hubParty;
        this.clock = clock;
    }

    /** The signed receipt's bytes. */
    public byte[] issue(ReceivedHeader received, String digest, Instant receivedAt, Optional<LmxException> rejection) {
        Receipt receipt = new Receipt();
        receipt.setReceivedMessageId(received.messageId().orElse(UNKNOWN_MESSAGE));
        receipt.setReceivedDigest(digest);
        receipt.setStatus(rejection.isEmpty() ? ReceiptStatus.ACCEPTED : ReceiptStatus.REJECTED);
        rejection.ifPresent(e -> {
            ErrorInfo error = new ErrorInfo();
            error.setCode(e.code());
            String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.code() : e.getMessage();
            error.setReason(reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON));
            receipt.setError(error);
        });
        receipt.setReceivedAt(now(receivedAt));
        return sign(answer(received, DocumentType.RECEIPT, DOCUMENTS.createReceipt(receipt)));
    }

    /** The signed StatusReport answering a checked StatusRequest. */
    public byte[] statusReport(ReceivedHeader request, List<StatusReport.MessageStatus> statuses) {
        StatusReport report = new StatusReport();
        report.getMessageStatus().addAll(statuses);
        return sign(answer(request, DocumentType.STATUS_REPORT, DOCUMENTS.createStatusReport(report)));
    }

    /**
     * The signer's own signed document in answer to {@code received}: to its sender, in its thread, InReplyTo its
     * MessageId, under its agreement (what a counterparty's answer to the hub's request looks like when this issuer
     * holds that counterparty's credential, as the development simulators do).
     */
    public byte[] reply(ReceivedHeader received, JAXBElement<? extends DocumentContent> document) {
        return sign(answer(received, DocumentType.fromValue(document.getName().getLocalPart()), document));
    }

    /** An envelope from the hub to the sender of {@code received}, in its thread and in reply to it. */
    private ExchangeMessage answer(ReceivedHeader received, DocumentType type, JAXBElement<? extends DocumentContent> document) {
        Header header = new Header();
        header.setMessageId(UUID.randomUUID().toString());
        header.setConversationId(received.conversationId().orElseGet(() -> UUID.randomUUID().toString()));
        received.messageId().ifPresent(header::setInReplyTo);
        header.setAgreementId(received.agreementId().orElse(UNKNOWN_AGREEMENT));
        header.setFrom(hubParty);
        header.setTo(received.from().orElse(UNKNOWN_PARTY));
        header.setDocumentType(type);
        header.setCreated(now(clock.instant()));
        ExchangeMessage message = new ExchangeMessage();
        message.setHeader(header);
        Body body = new Body();
        body.setDocument(document);
        message.setBody(body);
        return message;
    }

    /** A time as the hub writes it into documents: milliseconds, the hub's zone. */
    public OffsetDateTime time(Instant instant) {
        return now(instant);
    }

    private byte[] sign(ExchangeMessage message) {
        try {
            Document document = SecureXml.newDocument();
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.marshal(message, document);
            XmlSigner.sign(document, hub);
            return XmlBytes.of(document);
        } catch (JAXBException | SignatureException e) {
            throw new IllegalStateException("the hub cannot issue a receipt: " + e.getMessage(), e);
        }
    }

    private OffsetDateTime now(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), clock.getZone());
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ExchangeMessage.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
