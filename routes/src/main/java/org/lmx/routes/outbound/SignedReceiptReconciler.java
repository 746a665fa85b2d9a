package org.lmx.routes.outbound;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.signature.SignatureError;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.SignaturePolicy;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.TrustCertificate;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reconciles a recipient's signed Receipt with the outbound message it answers. In order: hardened parse, the
 * signature rules, the schema, a Receipt to the hub; the signature against the trust of the agreement the
 * receipt names, at the hub's time of receipt and with the agreement's revocation policy; the signer is the
 * receipt's From, that agreement's partner and the channel's party; the message it names was sent by the hub to
 * the signer, with the digest it names. Then one transaction stores the receipt and moves the message to
 * DELIVERED (ACCEPTED) or REJECTED_BY_RECIPIENT (REJECTED, its code and reason in the history), from whatever
 * state it is in (a late receipt after RETRYING or FAILED still counts). The same receipt again changes nothing;
 * another receipt for a reconciled message is refused. Nothing is stored for an INVALID receipt.
 */
public class SignedReceiptReconciler implements ReceiptReconciler {

    private static final String LMX = "urn:lmx:exchange:1";
    private static final int MAX_NOTE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SignedReceiptReconciler.class);

    private final AgreementRegistry agreements;
    private final SignatureVerifier verifier;
    private final MessageLog log;
    private final DeliveryReceipts receipts;
    private final TransactionTemplate transactions;
    private final String hubParty;
    private final Clock clock;

    public SignedReceiptReconciler(AgreementRegistry agreements, SignatureVerifier verifier, MessageLog log,
                                   DeliveryReceipts receipts, PlatformTransactionManager transactionManager,
                                   String hubParty, Clock clock) {
        this.agreements = agreements;
        this.verifier = verifier;
        this.log = log;
        this.receipts = receipts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.hubParty = hubParty;
        this.clock = clock;
    }

    @Override
    public Reconciliation reconcile(byte[] signedReceipt, String channelParty) {
        // the log lines name the message the receipt answers; the caller's context is back afterwards
        try (LogContext ignored = LogContext.of(null, null)) {
            return reconcileReceipt(signedReceipt, channelParty);
        }
    }

    private Reconciliation reconcileReceipt(byte[] signedReceipt, String channelParty) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String digest = Sha256.hex(signedReceipt);
        String answered = null;
        try {
            Document document = SecureXml.parse(signedReceipt, SecureXml.DEFAULT_MAX_DOCUMENT_BYTES);
            Element root = document.getDocumentElement();
            if (!LMX.equals(root.getNamespaceURI()) || !"ExchangeMessage".equals(root.getLocalName())) {
                throw new ReconcileRefusal(ReconcileRule.NOT_A_RECEIPT, "the root element is " + root.getLocalName()
                        + "; a receipt is an ExchangeMessage");
            }
            Element header = child(root, "Header");
            Element receipt = child(child(root, "Body"), "Receipt");
            // read before any check, so that even an INVALID result names the message (when it is a UUID at all)
            answered = Optional.ofNullable(text(receipt, "ReceivedMessageId"))
                    .filter(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")).orElse(null);
            LogContext.put(answered, null);
            SignaturePolicy.check(document);
            ContractSchema.EXCHANGE.validate(document);
            if (receipt == null || !"Receipt".equals(text(header, "DocumentType"))) {
                throw new ReconcileRefusal(ReconcileRule.NOT_A_RECEIPT, "the document is a " + text(header, "DocumentType")
                        + ", not a Receipt");
            }
            if (!hubParty.equals(text(header, "To"))) {
                throw new ReconcileRefusal(ReconcileRule.NOT_FOR_HUB, "Header/To is " + text(header, "To") + ", not " + hubParty);
            }
            String agreementId = text(header, "AgreementId");
            CurrentAgreement agreement = agreements.current(agreementId).orElseThrow(() -> new ReconcileRefusal(
                    ReconcileRule.AGREEMENT_UNKNOWN, "there is no agreement " + agreementId + " in force at the hub"));
            String signer = verify(document, agreement, now).party();
            checkSigner(signer, text(header, "From"), agreement, channelParty);
            LoggedMessage message = sentTo(signer, answered);
            LogContext.put(answered, message.entry().conversationId());
            String receivedDigest = text(receipt, "ReceivedDigest");
            if (!message.entry().digest().equals(receivedDigest)) {
                throw new ReconcileRefusal(ReconcileRule.DIGEST, "the receipt names SHA-256 " + receivedDigest + " for "
                        + answered + ", but the hub sent bytes with SHA-256 " + message.entry().digest());
            }
            Element error = child(receipt, "Error");
            DeliveryReceipts.Stored stored = new DeliveryReceipts.Stored(answered, digest, signer, text(receipt, "Status"),
                    text(error, "Code"), error == null ? null : child(error, "Reason").getTextContent(),
                    text(receipt, "ReceivedAt"), now);
            Reconciliation result = store(stored, signedReceipt);
            LOG.info("receipt of {} for {} ({}, {}): {}", signer, answered, stored.status(), digest, result.status());
            return result;
        } catch (LmxException e) {
            LOG.warn("receipt {} for {} (channel {}) is INVALID: {}", digest, answered, channelParty, e.toString());
            return new Reconciliation(Reconciliation.Status.INVALID, answered, e.code(), e.getMessage());
        }
    }

    /** As the inbound pipeline verifies a document: the agreement's trust and revocation policy, now. */
    private VerifiedDocument verify(Document document, CurrentAgreement agreement, Instant now) throws SignatureException {
        TrustAnchors trust = agreement.trustAt(now).orElseThrow(() -> new SignatureException(SignatureError.CERT_UNTRUSTED,
                "no trust entry of agreement " + agreement.id() + " is usable at " + now));
        List<URI> crlUrls = agreement.trustCertificates().stream().filter(t -> t.usableAt(now))
                .map(TrustCertificate::crlUrl).filter(Objects::nonNull).distinct().map(URI::create).toList();
        return verifier.verifyParsed(document, trust, VerificationOptions.defaults().at(now)
                .revocation(agreement.revocationPolicy(), List.of()).crlUrls(crlUrls));
    }

    private static void checkSigner(String signer, String from, CurrentAgreement agreement, String channelParty)
            throws ReconcileRefusal {
        if (!signer.equals(from)) {
            throw new ReconcileRefusal(ReconcileRule.SIGNER, "Header/From is " + from + " but the receipt is signed by " + signer);
        }
        if (!signer.equals(agreement.partner())) {
            throw new ReconcileRefusal(ReconcileRule.SIGNER, "agreement " + agreement.id() + " is with "
                    + agreement.partner() + ", not with the signer " + signer);
        }
        if (channelParty != null && !channelParty.equals(signer)) {
            throw new ReconcileRefusal(ReconcileRule.SIGNER, "the receipt came over the channel of " + channelParty
                    + " but is signed by " + signer);
        }
    }

    /** The outbound message the receipt answers, if the hub sent it to the signer (whether others exist is not said). */
    private LoggedMessage sentTo(String signer, String messageId) throws ReconcileRefusal {
        return log.find(messageId)
                .filter(m -> m.entry().direction() == Direction.OUTBOUND && signer.equals(m.entry().to()))
                .orElseThrow(() -> new ReconcileRefusal(ReconcileRule.UNKNOWN_MESSAGE, "the hub sent no message "
                        + messageId + " to " + signer));
    }

    /** One transaction: the receipt stored, the message's new state and its history. */
    private Reconciliation store(DeliveryReceipts.Stored stored, byte[] bytes) {
        String id = stored.messageId();
        try {
            return transactions.execute(status -> {
                Optional<DeliveryReceipts.Stored> before = receipts.find(id);
                if (before.isPresent()) {
                    return repeated(before.get(), stored);
                }
                receipts.insert(stored, bytes);
                boolean accepted = "ACCEPTED".equals(stored.status());
                String note = accepted
                        ? "ACCEPTED by " + stored.signer() + " at " + stored.receivedAt()
                        : "REJECTED by " + stored.signer() + " at " + stored.receivedAt() + ": " + stored.code() + " "
                                + stored.reason();
                log.changeState(id, accepted ? MessageState.DELIVERED : MessageState.REJECTED_BY_RECIPIENT,
                        note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…");
                return new Reconciliation(Reconciliation.Status.RECONCILED, id, null, null);
            });
        } catch (DuplicateKeyException e) {
            // a copy of a receipt for the same message was stored meanwhile
            return repeated(receipts.find(id).orElseThrow(() -> e), stored);
        }
    }

    private static Reconciliation repeated(DeliveryReceipts.Stored before, DeliveryReceipts.Stored now) {
        if (before.digest().equals(now.digest())) {
            return new Reconciliation(Reconciliation.Status.ALREADY_RECONCILED, now.messageId(), null, null);
        }
        return new Reconciliation(Reconciliation.Status.INVALID, now.messageId(), ReconcileRule.CONFLICT.code(),
                "message " + now.messageId() + " was reconciled before with another receipt (" + before.status()
                        + ", SHA-256 " + before.digest() + "); this one (" + now.status() + ", SHA-256 " + now.digest()
                        + ") is not stored");
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    // tokens of the contract: white space collapsed as the schema reads them
    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().trim();
    }
}
