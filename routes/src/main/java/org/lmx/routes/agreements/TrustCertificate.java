package org.lmx.routes.agreements;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.lmx.xsd.agreement.v1.TrustRole;

/**
 * One trust entry of an imported version, its certificate resolved at import.
 *
 * @param certificateFile the file under the trust directory it was read from at import; null when inline
 * @param crlUrl          where to fetch the CRL for certificates accepted through this entry; null: the
 *                        certificate's own distribution point
 * @param notAfter        the entry is not used after this instant (end of a rotation overlap); null: no end
 */
public record TrustCertificate(int position, TrustRole role, String label, X509Certificate certificate,
                               String certificateFile, String crlUrl, Instant notAfter) {

    public TrustCertificate {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** True if the entry may be used at {@code time} (its own NotAfter; the certificate's validity is apart). */
    public boolean usableAt(Instant time) {
        return notAfter == null || !time.isAfter(notAfter);
    }
}
