package org.lmx.connectors.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Document;

/**
 * A document whose signature held: its DOM, the signer's certificate and party, the validation time used,
 * and warnings that did not make it fail (a CRL that could not be had under soft-fail).
 */
public record VerifiedDocument(Document document, X509Certificate signer, String party, Instant validationTime,
                               List<String> warnings) {

    public VerifiedDocument {
        warnings = List.copyOf(warnings);
    }
}
