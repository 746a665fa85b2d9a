package org.lmx.routes.inbound;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.signature.SignatureError;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.SignaturePolicy;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.Inactivity;
import org.lmx.routes.agreements.TrustCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The hub's front door for one signed document, in the order of ARCHITECTURE.md "Flows": size limit, hardened
 * parse, signature rules, schema, header/body consistency, the agreement, the signature against the
 * agreement's trust at the time of receipt, party binding, the agreement's rules. Bad input never throws:
 * every outcome is a signed receipt.
 */
public final class InboundPipeline {

    /**
     * What the hub accepts today. ACCEPTED means durable, and until the message log exists only a Ping, whose
     * whole effect is its receipt, can be accepted honestly; everything else is refused with its own code.
     */
    static final Set<String> TAKEN = Set.of("Ping");

    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);

    private final AgreementRegistry agreements;
    private final SignatureVerifier verifier;
    private final ReceiptIssuer receipts;
    private final String hubParty;
    private final long maxDocumentBytes;
    private final Clock clock;

    public InboundPipeline(AgreementRegistry agreements, SignatureVerifier verifier, ReceiptIssuer receipts,
                           String hubParty, long maxDocumentBytes, Clock clock) {
        this.agreements = agreements;
        this.verifier = verifier;
        this.receipts = receipts;
        this.hubParty = hubParty;
        this.maxDocumentBytes = maxDocumentBytes;
        this.clock = clock;
    }

    /**
     * @throws ReceiptSubmitted when the document is a Receipt: receipts are reconciled (SubmitResponse,
     *         Acknowledge), never answered by a receipt, so the caller turns the call away instead
     */
    public InboundResult receive(byte[] signed) {
        Instant receivedAt = clock.instant();
        String digest = sha256(signed);
        ReceivedHeader header = ReceivedHeader.unreadable();
        Optional<LmxException> rejection = Optional.empty();
        Optional<String> signer = Optional.empty();
        try {
            Document document = SecureXml.parse(signed, maxDocumentBytes);
            header = ReceivedHeader.of(document);
            if (header.documentType().filter("Receipt"::equals).isPresent()) {
                throw new ReceiptSubmitted();
            }
            signer = Optional.of(check(signed, document, header, receivedAt).party());
        } catch (LmxException e) {
            rejection = Optional.of(e);
        } catch (ReceiptSubmitted e) {
            throw e;
        } catch (RuntimeException e) {
            // a defect of the hub must still answer the sender, and must not pass for the sender's fault
            LOG.error("inbound document {} failed inside the hub", digest, e);
            rejection = Optional.of(new InboundRejection(InboundRule.INTERNAL, InboundRule.INTERNAL.meaning()));
        }
        byte[] receipt = receipts.issue(header, digest, receivedAt, rejection);
        return new InboundResult(header, digest, receivedAt, signer, rejection, receipt);
    }

    /** A Receipt was offered as a document to be receipted. */
    public static final class ReceiptSubmitted extends RuntimeException {
        ReceiptSubmitted() {
            super("a Receipt is not submitted: it is returned in SubmitResponse or handed over with Acknowledge");
        }
    }

    private VerifiedDocument check(byte[] signed, Document document, ReceivedHeader header, Instant receivedAt)
            throws LmxException {
        if (!"ExchangeMessage".equals(document.getDocumentElement().getLocalName())) {
            throw new XmlRejectedException(XmlRejectedException.SCHEMA_INVALID,
                    "the root element is " + document.getDocumentElement().getLocalName() + "; an ExchangeMessage is expected");
        }
        SignaturePolicy.check(document);
        ContractSchema.EXCHANGE.validate(document);

        String documentType = header.documentType().orElseThrow();
        if (!header.bodyDocument().orElseThrow().equals(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_MISMATCH, "Header/DocumentType is " + documentType
                    + " but the Body holds " + header.bodyDocument().get());
        }
        String to = header.to().orElseThrow();
        if (!hubParty.equals(to)) {
            throw new InboundRejection(InboundRule.NOT_FOR_HUB, "Header/To is " + to + "; documents for the hub go to " + hubParty);
        }

        String agreementId = header.agreementId().orElseThrow();
        CurrentAgreement agreement = agreements.current(agreementId).orElseThrow(() -> new InboundRejection(
                InboundRule.AGREEMENT_UNKNOWN, "there is no agreement " + agreementId + " in force at the hub"));
        if (signed.length > agreement.maxDocumentBytes()) {
            throw new InboundRejection(InboundRule.TOO_LARGE_FOR_AGREEMENT, "the document has " + signed.length
                    + " bytes; agreement " + agreementId + " allows " + agreement.maxDocumentBytes());
        }

        TrustAnchors trust = agreement.trustAt(receivedAt).orElseThrow(() -> new SignatureException(
                SignatureError.CERT_UNTRUSTED, "no trust entry of agreement " + agreementId + " is usable at " + receivedAt));
        List<URI> crlUrls = agreement.trustCertificates().stream().filter(t -> t.usableAt(receivedAt))
                .map(TrustCertificate::crlUrl).filter(Objects::nonNull).distinct().map(URI::create).toList();
        VerifiedDocument verified = verifier.verifyParsed(document, trust, VerificationOptions.defaults()
                .at(receivedAt).revocation(agreement.revocationPolicy(), List.of()).crlUrls(crlUrls));

        String from = header.from().orElseThrow();
        if (!verified.party().equals(from)) {
            throw new InboundRejection(InboundRule.FROM_NOT_SIGNER, "Header/From is " + from
                    + " but the document is signed by " + verified.party());
        }
        if (!verified.party().equals(agreement.partner())) {
            throw new InboundRejection(InboundRule.AGREEMENT_OTHER_PARTY, "agreement " + agreementId + " is with "
                    + agreement.partner() + ", not with the signer " + verified.party());
        }
        checkAgreementRules(agreement, agreementId, documentType, header, receivedAt);
        if (!TAKEN.contains(documentType)) {
            throw new InboundRejection(InboundRule.NOT_TAKEN_YET, documentType + " is allowed by agreement " + agreementId
                    + " but this hub does not take it yet (it takes " + TAKEN + "); nothing was kept, send it again later");
        }
        verified.warnings().forEach(w -> LOG.warn("{} from {}: {}", header.messageId().orElse("?"), from, w));
        return verified;
    }

    private static void checkAgreementRules(CurrentAgreement agreement, String agreementId, String documentType,
                                            ReceivedHeader header, Instant receivedAt) throws InboundRejection {
        Optional<Inactivity> inactive = agreement.inactivityAt(receivedAt);
        if (inactive.isPresent()) {
            InboundRule rule = switch (inactive.get().reason()) {
                case SUSPENDED, TERMINATED -> InboundRule.AGREEMENT_NOT_ACTIVE;
                case NOT_YET_VALID, EXPIRED -> InboundRule.AGREEMENT_OUT_OF_DATES;
            };
            throw new InboundRejection(rule, inactive.get().message());
        }
        if (!agreement.allowsInbound(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_NOT_ALLOWED, "agreement " + agreementId
                    + " does not allow " + documentType + " towards the hub");
        }
        Duration skew = Duration.between(header.created().orElseThrow().toInstant(), receivedAt).abs();
        if (skew.compareTo(agreement.clockSkew()) > 0) {
            throw new InboundRejection(InboundRule.REPLAY, "Header/Created " + header.created().get() + " is " + skew
                    + " away from the time of receipt " + receivedAt + "; agreement " + agreementId + " allows "
                    + agreement.clockSkew());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
