package org.lmx.hub.trust;

import java.time.Instant;
import java.util.List;

/**
 * One certificate of the trust inventory: a trust entry of an agreement's current version, or one of the hub's own.
 *
 * @param kind               AGREEMENT (a trust entry) or HUB (the hub's signing certificate, its CA, its TLS certificate)
 * @param partner            the agreement's partner; the hub's party for the hub's own
 * @param agreementId        null for the hub's own
 * @param agreementVersion   the version in force (the latest that is not DRAFT)
 * @param agreementStatus    its status (ACTIVE, SUSPENDED, TERMINATED)
 * @param agreementInForce   ACTIVE and within its dates now: messages are accepted under it
 * @param role               CA or PINNED for a trust entry; HUB_SIGNING, HUB_CA or HUB_TLS for the hub's own
 * @param label              the entry's Label, else "entry N"
 * @param sha256             SHA-256 of the certificate's DER encoding (lower-case hex), as {@code openssl x509 -fingerprint -sha256}
 * @param entryNotAfter      the trust entry's NotAfter (end of a rotation overlap), or null
 * @param crlUrl             the entry's CrlUrl, or null
 * @param distributionPoints the certificate's own CRL distribution points
 * @param revocationPolicy   the agreement's revocation policy; null for the hub's own
 * @param daysLeft           whole days until the certificate's notAfter (negative once expired)
 */
public record InventoryEntry(String kind, String partner, String agreementId, Long agreementVersion,
                             String agreementStatus, boolean agreementInForce, String role, String label,
                             String subject, String issuer, String serial, String sha256, Instant notBefore,
                             Instant notAfter, Instant entryNotAfter, String crlUrl, List<String> distributionPoints,
                             String revocationPolicy, long daysLeft, CertificateState state) {

    public static final String AGREEMENT = "AGREEMENT";
    public static final String HUB = "HUB";

    /** True if the hub relies on it now: the hub's own, or an entry of an agreement in force. */
    public boolean reliedOn() {
        return HUB.equals(kind) || agreementInForce;
    }

    /** Partner, label, subject and notAfter: how health details and logs name a certificate. */
    public String describe() {
        return partner + (agreementId == null ? "" : " (" + agreementId + " v" + agreementVersion + ")") + " '" + label
                + "' " + subject + " notAfter " + notAfter + " [" + state + "]";
    }
}
