package org.lmx.routes.outbound;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.Inactivity;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Outbox;
import org.lmx.xsd.exchange.v1.Attachment;
import org.lmx.xsd.exchange.v1.AttachmentList;
import org.lmx.xsd.exchange.v1.Body;
import org.lmx.xsd.exchange.v1.DocumentType;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.Header;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The steps of the outbound entry, one method each, in the order {@link OutboundRoute} calls them: the request's
 * form, the recipient's agreement, the document, the envelope, the schema, the signature, the size limits, and
 * the one transaction that logs the signed document and queues it for delivery. Each refusal is an
 * {@link OutboundRefusal}; nothing is kept before the last step, and the last step keeps all or nothing.
 */
public class OutboundIssuer {

    static final String LMX = "urn:lmx:exchange:1";
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PARTY_FORM = Pattern.compile("[A-Z]{3}:[A-Z0-9][A-Z0-9\\-]{0,31}");
    private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final JAXBContext ENVELOPE = envelopeContext();

    private final AgreementRegistry agreements;
    private final MessageLog log;
    private final OutboundRequestKeys keys;
    private final TransactionTemplate transactions;
    private final Credential hub;
    private final String hubParty;
    private final Clock clock;

    /** @param clock the time of issue, and the hub's zone in which Header/Created is written */
    public OutboundIssuer(AgreementRegistry agreements, MessageLog log, OutboundRequestKeys keys,
                          PlatformTransactionManager transactionManager, Credential hub, String hubParty, Clock clock) {
        this.agreements = agreements;
        this.log = log;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.hub = hub;
        this.hubParty = hubParty;
        this.clock = clock;
    }

    /** A request taken now, to the millisecond (what the log keeps). */
    OutboundIssue begin(OutboundRequest request) {
        return new OutboundIssue(request, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Required fields present and in their contract form; a new MessageId, and a new conversation if none is given. */
    void request(OutboundIssue issue) throws OutboundRefusal {
        OutboundRequest r = issue.request;
        require(r.to() != null && PARTY_FORM.matcher(r.to()).matches(), "to must be a party id such as KAZ:MIA, not " + r.to());
        require(r.documentType() != null && !r.documentType().isBlank(), "documentType is required");
        require(r.document() != null && r.document().length > 0, "document is required");
        require(r.conversationId() == null || UUID_FORM.matcher(r.conversationId()).matches(),
                "conversationId must be a lower-case UUID, not " + r.conversationId());
        require(r.inReplyTo() == null || UUID_FORM.matcher(r.inReplyTo()).matches(),
                "inReplyTo must be a lower-case UUID, not " + r.inReplyTo());
        Set<String> ids = new HashSet<>();
        for (OutboundAttachment a : r.attachments()) {
            require(a.id() != null && a.fileName() != null && a.mimeType() != null && a.content() != null,
                    "every attachment needs id, fileName, mimeType and content");
            require(a.content().length > 0, "attachment " + a.id() + " is empty");
            require(ids.add(a.id()), "attachment id " + a.id() + " is given twice");
        }
        require(r.requestKey() == null || KEY_FORM.matcher(r.requestKey()).matches(),
                "a request key has 1 to 200 printable ASCII characters without spaces, not " + r.requestKey());
        issue.messageId = UUID.randomUUID().toString();
        issue.conversationId = r.conversationId() != null ? r.conversationId() : UUID.randomUUID().toString();
    }

    /**
     * A keyed request asked before: the same request gets the document issued then (in its state now); another
     * request under the same key is refused, since its caller would otherwise believe it sent.
     */
    void repeat(OutboundIssue issue) throws OutboundRefusal {
        String key = issue.request.requestKey();
        if (key == null) {
            return;
        }
        Optional<OutboundRequestKeys.Keyed> keyed = keys.find(key);
        if (keyed.isEmpty()) {
            return;
        }
        if (!keyed.get().fingerprint().equals(issue.request.fingerprint())) {
            throw new OutboundRefusal(OutboundRule.REQUEST_KEY_CONFLICT, "request key " + key + " issued "
                    + keyed.get().messageId() + " for another request; a new request needs a new key");
        }
        String messageId = keyed.get().messageId();
        LoggedMessage logged = log.find(messageId).orElseThrow(() -> new IllegalStateException(
                "request key " + key + " names " + messageId + ", which is not logged"));
        LogEntry e = logged.entry();
        byte[] signed = log.body(messageId).orElse(null); // purged at the end of retention: the result says so by null
        issue.repeated = new OutboundResult(messageId, e.conversationId(), e.inReplyTo(), e.agreementId(), e.to(),
                e.documentType(), e.created(), e.digest(), logged.state(), signed, true);
    }

    /**
     * The agreement to send under (the one named, else the recipient's), ACTIVE and in its dates now, and allowing
     * the document type towards the recipient.
     */
    void agreement(OutboundIssue issue) throws OutboundRefusal {
        OutboundRequest r = issue.request;
        String agreementId = r.agreementId() != null ? r.agreementId() : agreements.list().stream()
                .filter(a -> r.to().equals(a.partner())).map(AgreementSummary::id).findFirst()
                .orElseThrow(() -> new OutboundRefusal(OutboundRule.RECIPIENT_UNKNOWN, r.to()
                        + " is the partner of no agreement of the hub"));
        Optional<CurrentAgreement> current = agreements.current(agreementId);
        if (current.isEmpty()) {
            if (agreements.find(agreementId).isEmpty()) {
                throw new OutboundRefusal(OutboundRule.AGREEMENT_UNKNOWN, "there is no agreement " + agreementId);
            }
            throw new OutboundRefusal(OutboundRule.AGREEMENT_NOT_ACTIVE, "agreement " + agreementId
                    + " has drafts only: no version is in force");
        }
        CurrentAgreement agreement = current.get();
        if (!agreement.partner().equals(r.to())) {
            throw new OutboundRefusal(OutboundRule.AGREEMENT_OTHER_PARTY, "agreement " + agreementId + " is with "
                    + agreement.partner() + ", not with " + r.to());
        }
        Optional<Inactivity> inactive = agreement.inactivityAt(issue.issuedAt);
        if (inactive.isPresent()) {
            throw new OutboundRefusal(OutboundRule.AGREEMENT_NOT_ACTIVE, inactive.get().message()
                    + "; nothing is sent to " + r.to() + " under it");
        }
        if (DocumentType.RECEIPT.value().equals(r.documentType())) {
            throw new OutboundRefusal(OutboundRule.DOCUMENT_TYPE_NOT_ALLOWED,
                    "a Receipt is issued by the hub only in answer to a document it received");
        }
        if (!agreement.allowsOutbound(r.documentType())) {
            throw new OutboundRefusal(OutboundRule.DOCUMENT_TYPE_NOT_ALLOWED, "agreement " + agreement.id()
                    + " does not allow " + r.documentType() + " towards " + r.to() + "; it allows "
                    + agreement.outboundDocumentTypes().stream().sorted().toList());
        }
        issue.agreement = agreement;
    }

    /** The document: hardened parse, one element of the catalogue, the one its type names. */
    void document(OutboundIssue issue) throws OutboundRefusal {
        OutboundRequest r = issue.request;
        try {
            DocumentType.fromValue(r.documentType());
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusal(OutboundRule.DOCUMENT_INVALID, r.documentType() + " is not a document type of the catalogue");
        }
        Document parsed;
        try {
            parsed = SecureXml.parse(r.document(), SecureXml.DEFAULT_MAX_DOCUMENT_BYTES);
        } catch (XmlRejectedException e) {
            OutboundRule rule = XmlRejectedException.TOO_LARGE.equals(e.code()) ? OutboundRule.TOO_LARGE : OutboundRule.DOCUMENT_INVALID;
            throw new OutboundRefusal(rule, "the document: " + e.getMessage());
        }
        Element root = parsed.getDocumentElement();
        if (!LMX.equals(root.getNamespaceURI()) || !r.documentType().equals(root.getLocalName())) {
            throw new OutboundRefusal(OutboundRule.DOCUMENT_INVALID, "the document is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + "; documentType " + r.documentType() + " needs {" + LMX + "}" + r.documentType());
        }
        issue.bodyDocument = root;
    }

    /** The envelope: the header the hub fills (From itself, Created now in milliseconds) and the document as its Body. */
    void envelope(OutboundIssue issue) {
        OutboundRequest r = issue.request;
        OffsetDateTime created = OffsetDateTime.ofInstant(issue.issuedAt, clock.getZone());
        Header header = new Header();
        header.setMessageId(issue.messageId);
        header.setConversationId(issue.conversationId);
        header.setInReplyTo(r.inReplyTo());
        header.setAgreementId(issue.agreement.id());
        header.setFrom(hubParty);
        header.setTo(r.to());
        header.setDocumentType(DocumentType.fromValue(r.documentType()));
        header.setCreated(created);
        if (!r.attachments().isEmpty()) {
            AttachmentList list = new AttachmentList();
            for (OutboundAttachment a : r.attachments()) {
                Attachment listed = new Attachment();
                listed.setId(a.id());
                listed.setFileName(a.fileName());
                listed.setMimeType(a.mimeType());
                listed.setSize(BigInteger.valueOf(a.content().length));
                listed.setSha256(Sha256.hex(a.content()));
                list.getAttachment().add(listed);
            }
            header.setAttachments(list);
        }
        ExchangeMessage message = new ExchangeMessage();
        message.setHeader(header);
        message.setBody(new Body());
        try {
            Document document = SecureXml.newDocument();
            ENVELOPE.createMarshaller().marshal(message, document);
            Element body = child(document.getDocumentElement(), "Body");
            body.appendChild(document.importNode(issue.bodyDocument, true));
            issue.envelope = document;
        } catch (JAXBException e) {
            throw new IllegalStateException("the hub cannot build an envelope: " + e.getMessage(), e);
        }
        // what the adapter writes for Header/Created, which the log keeps as written
        issue.created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created);
    }

    /**
     * The envelope as bytes, read back as any recipient reads them, and validated: what is signed is what a
     * recipient's parser will see.
     */
    void schema(OutboundIssue issue) throws OutboundRefusal {
        try {
            Document reparsed = SecureXml.parse(XmlBytes.of(issue.envelope), Long.MAX_VALUE);
            ContractSchema.EXCHANGE.validate(reparsed);
            issue.envelope = reparsed;
        } catch (XmlRejectedException e) {
            throw new OutboundRefusal(OutboundRule.SCHEMA_INVALID, e.getMessage(), e.problems());
        }
    }

    /** Signed as the hub (enveloped XMLDSig, the hub's credential). */
    void sign(OutboundIssue issue) {
        try {
            XmlSigner.sign(issue.envelope, hub);
        } catch (SignatureException e) {
            throw new IllegalStateException("the hub cannot sign: " + e.getMessage(), e);
        }
        issue.signed = XmlBytes.of(issue.envelope);
    }

    /** The recipient's agreement limits what it takes; a document over them would only be refused there. */
    void sizeLimits(OutboundIssue issue) throws OutboundRefusal {
        SizeLimits limits = issue.agreement.limits();
        String agreementId = issue.agreement.id();
        long call = issue.signed.length;
        if (issue.signed.length > limits.maxDocumentBytes()) {
            throw new OutboundRefusal(OutboundRule.TOO_LARGE, "the signed document has " + issue.signed.length
                    + " bytes; agreement " + agreementId + " allows " + limits.maxDocumentBytes());
        }
        for (OutboundAttachment a : issue.request.attachments()) {
            if (a.content().length > limits.maxAttachmentBytes()) {
                throw new OutboundRefusal(OutboundRule.TOO_LARGE, "attachment " + a.id() + " has " + a.content().length
                        + " bytes; agreement " + agreementId + " allows " + limits.maxAttachmentBytes());
            }
            call += a.content().length;
        }
        if (call > limits.maxCallBytes()) {
            throw new OutboundRefusal(OutboundRule.TOO_LARGE, "the document and its attachments have " + call
                    + " bytes; agreement " + agreementId + " allows " + limits.maxCallBytes());
        }
    }

    /**
     * One transaction: the log entry with the signed bytes, the attachments, state QUEUED, a DELIVER outbox row and
     * the request's key. When the same key was taken meanwhile (the same request, racing), nothing is kept and
     * the other call's document is the answer.
     */
    OutboundResult store(OutboundIssue issue) throws OutboundRefusal {
        String key = issue.request.requestKey();
        try {
            return transactions.execute(status -> {
                OutboundResult result = log(issue);
                if (key != null) {
                    keys.keep(key, issue.request.fingerprint(), result.messageId(), issue.issuedAt);
                }
                return result;
            });
        } catch (DuplicateKeyException e) {
            if (key == null) {
                throw e;
            }
            repeat(issue);
            if (issue.repeated == null) {
                throw e;
            }
            return issue.repeated;
        }
    }

    private OutboundResult log(OutboundIssue issue) {
        OutboundRequest r = issue.request;
        String digest = Sha256.hex(issue.signed);
        List<LoggedAttachment> listed = r.attachments().stream().map(a -> new LoggedAttachment(a.id(), a.fileName(),
                a.mimeType(), a.content().length, Sha256.hex(a.content()))).toList();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        r.attachments().forEach(a -> contents.put(Sha256.hex(a.content()), a.content()));
        LogEntry entry = new LogEntry(0, issue.messageId, Direction.OUTBOUND, issue.conversationId, r.inReplyTo(),
                issue.agreement.id(), hubParty, r.to(), r.documentType(), issue.created, issue.issuedAt, digest,
                issue.signed.length, null, listed);
        String origin = r.origin() == null || r.origin().isBlank() ? "the hub" : r.origin();
        log.append(new NewMessage(entry, issue.signed, null, contents, MessageState.QUEUED,
                "issued by " + origin + "; queued for delivery to " + r.to(), Outbox.Kind.DELIVER));
        return new OutboundResult(issue.messageId, issue.conversationId, r.inReplyTo(), issue.agreement.id(), r.to(),
                r.documentType(), issue.created, digest, MessageState.QUEUED, issue.signed, false);
    }

    private static void require(boolean condition, String problem) throws OutboundRefusal {
        if (!condition) {
            throw new OutboundRefusal(OutboundRule.REQUEST_INVALID, problem);
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("the marshalled envelope has no " + localName);
    }

    private static JAXBContext envelopeContext() {
        try {
            return JAXBContext.newInstance(ExchangeMessage.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
