package org.lmx.connectors.pki;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Why a certificate was revoked, as RFC 5280 names it (the names on the command line are RFC 5280's). Hold
 * and removeFromCRL are left out: a revocation in LMX is final, so evidence checked later cannot flip.
 */
public enum RevocationReason {

    UNSPECIFIED("unspecified", CRLReason.unspecified),
    KEY_COMPROMISE("keyCompromise", CRLReason.keyCompromise),
    CA_COMPROMISE("cACompromise", CRLReason.cACompromise),
    AFFILIATION_CHANGED("affiliationChanged", CRLReason.affiliationChanged),
    SUPERSEDED("superseded", CRLReason.superseded),
    CESSATION_OF_OPERATION("cessationOfOperation", CRLReason.cessationOfOperation),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", CRLReason.privilegeWithdrawn);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** RFC 5280's name: {@code keyCompromise}. */
    public String rfcName() {
        return rfcName;
    }

    /** The CRLReason code in a CRL entry. */
    public int code() {
        return code;
    }

    public static RevocationReason fromRfcName(String name) {
        return Arrays.stream(values()).filter(r -> r.rfcName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown revocation reason '" + name + "': expected one of "
                        + Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "))));
    }
}
