package org.lmx.connectors.signature;

import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.xsd.agreement.v1.RevocationPolicy;

/**
 * How to verify one document.
 *
 * @param validationTime the instant at which the certificate must be valid: the hub's time of receipt, or,
 *                       for evidence checked years later, the time recorded in the receipt
 * @param revocation     the agreement's revocation policy
 * @param crls           CRLs the caller already has; for a certificate not covered by one of them, the CRL is
 *                       fetched from the certificate's distribution point (unless the policy is NONE)
 * @param crlUrls        where the agreement says its partner's CRLs are, tried before the certificate's own
 *                       distribution points
 * @param expectedParty  the party the signer must be, if the caller knows it (the header's From, the agreement's partner)
 * @param maxBytes       the size limit checked before parsing
 */
public record VerificationOptions(Instant validationTime, RevocationPolicy revocation, List<X509CRL> crls,
                                  List<URI> crlUrls, Optional<String> expectedParty, long maxBytes) {

    public VerificationOptions {
        crls = List.copyOf(crls);
        crlUrls = List.copyOf(crlUrls);
    }

    /** Now, no revocation checking, any party, the default document size limit. */
    public static VerificationOptions defaults() {
        return new VerificationOptions(Instant.now(), RevocationPolicy.NONE, List.of(), List.of(), Optional.empty(),
                SecureXml.DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public VerificationOptions at(Instant time) {
        return new VerificationOptions(time, revocation, crls, crlUrls, expectedParty, maxBytes);
    }

    public VerificationOptions revocation(RevocationPolicy policy, List<X509CRL> knownCrls) {
        return new VerificationOptions(validationTime, policy, knownCrls, crlUrls, expectedParty, maxBytes);
    }

    public VerificationOptions crlUrls(List<URI> locations) {
        return new VerificationOptions(validationTime, revocation, crls, locations, expectedParty, maxBytes);
    }

    public VerificationOptions expectParty(String party) {
        return new VerificationOptions(validationTime, revocation, crls, crlUrls, Optional.of(party), maxBytes);
    }

    public VerificationOptions maxBytes(long limit) {
        return new VerificationOptions(validationTime, revocation, crls, crlUrls, expectedParty, limit);
    }
}
