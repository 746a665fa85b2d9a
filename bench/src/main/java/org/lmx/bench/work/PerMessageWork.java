package org.lmx.bench.work;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.inbound.ReceivedHeader;
import org.w3c.dom.Document;

/**
 * The cryptographic and XML work the hub cannot avoid for one accepted document, with the hub's own classes and
 * in the inbound pipeline's order: hardened parse, header, signature rules and schema, the partner's signature
 * and certificate path, the digest, and the signed receipt. What is left out is everything a faster database,
 * web stack or broker could change; so the rate of {@link #accept} on all cores is the bound the load is
 * compared with.
 */
public final class PerMessageWork {

    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);
    private final TrustAnchors partnerTrust;
    private final ReceiptIssuer receipts;

    public PerMessageWork(TrustAnchors partnerTrust, Credential hub) {
        this.partnerTrust = partnerTrust;
        this.receipts = new ReceiptIssuer(hub, "KAZ:MLSP", Clock.systemUTC());
    }

    /** Parse and schema validation only. */
    public static Document parseAndValidate(byte[] signed) throws Exception {
        Document document = SecureXml.parse(signed);
        ContractSchema.EXCHANGE.validate(document);
        return document;
    }

    /** The partner's signature: signature rules, the value, the certificate path (no revocation), the party. */
    public String verify(Document parsed) throws Exception {
        return verifier.verifyParsed(parsed, partnerTrust, VerificationOptions.defaults()).party();
    }

    /** The hub's signed ACCEPTED receipt for a document. */
    public byte[] receipt(ReceivedHeader header, String digest) {
        return receipts.issue(header, digest, Instant.now(), Optional.empty());
    }

    /** The whole per-message bound: parse + validate + verify + digest + signed receipt. */
    public byte[] accept(byte[] signed) throws Exception {
        Document document = parseAndValidate(signed);
        ReceivedHeader header = ReceivedHeader.of(document);
        verify(document);
        return receipt(header, Sha256.hex(signed));
    }
}
