package org.lmx.routes.inbound;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.Inactivity;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.agreements.TransportKind;
import org.lmx.routes.agreements.TrustCertificate;
import org.lmx.routes.log.LoggedAttachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of the inbound pipeline, one method per step of ARCHITECTURE.md "Flows", each throwing the
 * {@link LmxException} whose code goes into the REJECTED receipt. The route calls them in order.
 */
public class InboundChecks {

    private static final Logger LOG = LoggerFactory.getLogger(InboundChecks.class);

    private final AgreementRegistry agreements;
    private final SignatureVerifier verifier;
    private final String hubParty;
    private final SizeLimits ceilings;

    /**
     * @param ceilings the hub's own limits, checked before anything is parsed; an agreement may only lower them
     */
    public InboundChecks(AgreementRegistry agreements, SignatureVerifier verifier, String hubParty, SizeLimits ceilings) {
        this.agreements = agreements;
        this.verifier = verifier;
        this.hubParty = hubParty;
        this.ceilings = ceilings;
    }

    /** The document against the hub's ceiling, before anything is parsed. */
    void documentSize(InboundContext in) throws LmxException {
        long document = in.signed().length;
        if (document > ceilings.maxDocumentBytes()) {
            throw new XmlRejectedException(XmlRejectedException.TOO_LARGE, "the document has " + document
                    + " bytes; the hub takes at most " + ceilings.maxDocumentBytes());
        }
    }

    /**
     * The attachment parts against the hub's ceilings. They do not affect parsing, so this runs once the header
     * is read and the rejection can name the message.
     */
    void attachmentSizes(InboundContext in) throws LmxException {
        long call = in.signed().length;
        for (ReceivedAttachment a : in.submission.attachments()) {
            if (a.content().length > ceilings.maxAttachmentBytes()) {
                throw new InboundRejection(InboundRule.ATTACHMENT_TOO_LARGE, "attachment " + a.id() + " has "
                        + a.content().length + " bytes; the hub takes at most " + ceilings.maxAttachmentBytes());
            }
            call += a.content().length;
        }
        if (call > ceilings.maxCallBytes()) {
            throw new InboundRejection(InboundRule.TOO_LARGE_FOR_AGREEMENT, "the call carries " + call
                    + " bytes; the hub takes at most " + ceilings.maxCallBytes());
        }
    }

    /** Hardened parse; reads what it can of the header, so that even a rejection names the message. */
    void parse(InboundContext in) throws LmxException {
        in.document = SecureXml.parse(in.signed(), ceilings.maxDocumentBytes());
        in.header = ReceivedHeader.of(in.document);
        if (in.header.documentType().filter("Receipt"::equals).isPresent()) {
            throw new ReceiptOffered();
        }
    }

    void signatureRules(InboundContext in) throws LmxException {
        if (!"ExchangeMessage".equals(in.document.getDocumentElement().getLocalName())) {
            throw new XmlRejectedException(XmlRejectedException.SCHEMA_INVALID, "the root element is "
                    + in.document.getDocumentElement().getLocalName() + "; an ExchangeMessage is expected");
        }
        SignaturePolicy.check(in.document);
    }

    void schema(InboundContext in) throws LmxException {
        ContractSchema.EXCHANGE.validate(in.document);
        in.declaredAttachments = DeclaredAttachments.of(in.document);
    }

    void headerMatchesBody(InboundContext in) throws LmxException {
        String documentType = in.header.documentType().orElseThrow();
        if (!in.header.bodyDocument().orElseThrow().equals(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_MISMATCH, "Header/DocumentType is " + documentType
                    + " but the Body holds " + in.header.bodyDocument().get());
        }
        String to = in.header.to().orElseThrow();
        if (!hubParty.equals(to)) {
            throw new InboundRejection(InboundRule.NOT_FOR_HUB, "Header/To is " + to + "; documents for the hub go to " + hubParty);
        }
    }

    /**
     * Where the agreement the header names pins the partner's TLS client certificates, the call must have come over
     * TLS with one of them: checked right after the header is read, before the message id is looked up, the
     * signature verified or anything kept. An agreement the hub does not know is left to {@link #agreement}.
     */
    void tlsClient(InboundContext in) throws LmxException {
        Optional<CurrentAgreement> agreement = in.header.agreementId().flatMap(agreements::current);
        if (agreement.isEmpty() || agreement.get().tlsClientCertificates().isEmpty()) {
            return;
        }
        if (in.tlsClient == null || !agreement.get().tlsClientCertificates().contains(in.tlsClient)) {
            throw new InboundRejection(InboundRule.TLS_CLIENT, "agreement " + agreement.get().id() + " takes calls only"
                    + " over TLS with the partner's pinned client certificate; this call came "
                    + (in.tlsClient == null ? "without a client certificate" : "with certificate SHA-256 " + in.tlsClient));
        }
    }

    /** GetStatus carries a StatusRequest and nothing else. */
    void statusRequest(InboundContext in) throws LmxException {
        String documentType = in.header.documentType().orElseThrow();
        if (!"StatusRequest".equals(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_NOT_ALLOWED, "GetStatus takes a StatusRequest, not a " + documentType);
        }
    }

    void fetchRequest(InboundContext in) throws LmxException {
        String documentType = in.header.documentType().orElseThrow();
        if (!"FetchRequest".equals(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_NOT_ALLOWED, "FetchPending takes a FetchRequest, not a " + documentType);
        }
    }

    /** Only a pull partner fetches: documents for push partners and agencies are delivered to them. */
    void pullTransport(InboundContext in) throws LmxException {
        if (in.agreement.transport() != TransportKind.SOAP_PULL) {
            throw new InboundRejection(InboundRule.NOT_PULL_PARTNER, "agreement " + in.agreement.id() + " has transport "
                    + in.agreement.transport() + ": the hub delivers its documents, they are not fetched");
        }
    }

    /** The agreement the header names, and its size limits (now that it is known). */
    void agreement(InboundContext in) throws LmxException {
        String agreementId = in.header.agreementId().orElseThrow();
        in.agreement = agreements.current(agreementId).orElseThrow(() -> new InboundRejection(
                InboundRule.AGREEMENT_UNKNOWN, "there is no agreement " + agreementId + " in force at the hub"));
        SizeLimits limits = in.agreement.limits();
        long call = in.signed().length;
        if (in.signed().length > limits.maxDocumentBytes()) {
            throw tooLarge("the document has " + in.signed().length + " bytes", limits.maxDocumentBytes(), agreementId);
        }
        for (ReceivedAttachment a : in.submission.attachments()) {
            if (a.content().length > limits.maxAttachmentBytes()) {
                throw tooLarge("attachment " + a.id() + " has " + a.content().length + " bytes",
                        limits.maxAttachmentBytes(), agreementId);
            }
            call += a.content().length;
        }
        if (call > limits.maxCallBytes()) {
            throw tooLarge("the call carries " + call + " bytes", limits.maxCallBytes(), agreementId);
        }
    }

    private static InboundRejection tooLarge(String what, long limit, String agreementId) {
        return new InboundRejection(InboundRule.TOO_LARGE_FOR_AGREEMENT, what + "; agreement " + agreementId
                + " allows " + limit);
    }

    /** The signature against the agreement's trust at the time of receipt, with its revocation policy. */
    void signature(InboundContext in) throws LmxException {
        CurrentAgreement agreement = in.agreement;
        TrustAnchors trust = agreement.trustAt(in.receivedAt).orElseThrow(() -> new SignatureException(
                SignatureError.CERT_UNTRUSTED, "no trust entry of agreement " + agreement.id() + " is usable at " + in.receivedAt));
        List<URI> crlUrls = agreement.trustCertificates().stream().filter(t -> t.usableAt(in.receivedAt))
                .map(TrustCertificate::crlUrl).filter(Objects::nonNull).distinct().map(URI::create).toList();
        in.verified = verifier.verifyParsed(in.document, trust, VerificationOptions.defaults()
                .at(in.receivedAt).revocation(agreement.revocationPolicy(), List.of()).crlUrls(crlUrls));
        // soft-fail: accepted without a current CRL; the operator must hear of it (the CRL locations' state is in
        // GET /api/trust and the trust health group)
        for (String warning : in.verified.warnings()) {
            LOG.warn("message {} under {}: {}", in.header.messageId().orElse("?"), agreement.id(), warning);
        }
    }

    /**
     * Over an agency's queue the signer must be that agency: a queue is no relay for another party's signed
     * documents, whatever agreement they name.
     */
    void channelParty(InboundContext in) throws LmxException {
        Optional<String> expected = in.submission.channelParty();
        String signer = in.verified.party();
        if (expected.isPresent() && !expected.get().equals(signer)) {
            throw new InboundRejection(InboundRule.CHANNEL_NOT_SIGNER, "the document is signed by " + signer
                    + " but came over the queue of " + expected.get() + ": an agency sends only documents it signed itself");
        }
    }

    /** The signer's party is the header's From and the agreement's partner. */
    void partyBinding(InboundContext in) throws LmxException {
        String signer = in.verified.party();
        String from = in.header.from().orElseThrow();
        if (!signer.equals(from)) {
            throw new InboundRejection(InboundRule.FROM_NOT_SIGNER, "Header/From is " + from + " but the document is signed by " + signer);
        }
        if (!signer.equals(in.agreement.partner())) {
            throw new InboundRejection(InboundRule.AGREEMENT_OTHER_PARTY, "agreement " + in.agreement.id() + " is with "
                    + in.agreement.partner() + ", not with the signer " + signer);
        }
    }

    /** Current version ACTIVE, in its dates, the document type allowed towards the hub, Created within the skew window. */
    void agreementRules(InboundContext in) throws LmxException {
        CurrentAgreement agreement = in.agreement;
        Optional<Inactivity> inactive = agreement.inactivityAt(in.receivedAt);
        if (inactive.isPresent()) {
            InboundRule rule = switch (inactive.get().reason()) {
                case SUSPENDED, TERMINATED -> InboundRule.AGREEMENT_NOT_ACTIVE;
                case NOT_YET_VALID, EXPIRED -> InboundRule.AGREEMENT_OUT_OF_DATES;
            };
            throw new InboundRejection(rule, inactive.get().message());
        }
        String documentType = in.header.documentType().orElseThrow();
        if (!agreement.allowsInbound(documentType)) {
            throw new InboundRejection(InboundRule.DOCUMENT_TYPE_NOT_ALLOWED, "agreement " + agreement.id()
                    + " does not allow " + documentType + " towards the hub");
        }
        Duration skew = Duration.between(in.header.created().orElseThrow().toInstant(), in.receivedAt).abs();
        if (skew.compareTo(agreement.clockSkew()) > 0) {
            throw new InboundRejection(InboundRule.REPLAY, "Header/Created " + in.header.created().get() + " is " + skew
                    + " away from the time of receipt " + in.receivedAt + "; agreement " + agreement.id() + " allows "
                    + agreement.clockSkew());
        }
    }

    /** Every part listed in the signed header, once, with the listed size and SHA-256; no other part. */
    void attachments(InboundContext in) throws LmxException {
        Map<String, ReceivedAttachment> parts = new HashMap<>();
        for (ReceivedAttachment part : in.submission.attachments()) {
            if (parts.putIfAbsent(part.id(), part) != null) {
                throw new InboundRejection(InboundRule.ATTACHMENT_UNDECLARED, "attachment " + part.id() + " is sent twice");
            }
        }
        for (LoggedAttachment declared : in.declaredAttachments) {
            ReceivedAttachment part = parts.remove(declared.id());
            if (part == null) {
                throw new InboundRejection(InboundRule.ATTACHMENT_MISSING, "the header lists attachment " + declared.id()
                        + " (" + declared.fileName() + ") but the call carries no part with that Id");
            }
            String sha256 = Sha256.hex(part.content());
            if (part.content().length != declared.size() || !sha256.equals(declared.sha256())) {
                throw new InboundRejection(InboundRule.ATTACHMENT_ALTERED, "attachment " + declared.id() + " has "
                        + part.content().length + " bytes with SHA-256 " + sha256 + "; the signed header lists "
                        + declared.size() + " bytes with SHA-256 " + declared.sha256());
            }
        }
        if (!parts.isEmpty()) {
            throw new InboundRejection(InboundRule.ATTACHMENT_UNDECLARED, "the call carries parts " + parts.keySet()
                    + " that the signed header does not list");
        }
    }

    /** A Receipt was offered as a document to be receipted. */
    public static final class ReceiptOffered extends RuntimeException {
        ReceiptOffered() {
            super("a Receipt is not submitted: it is returned in SubmitResponse or handed over with Acknowledge");
        }
    }
}
