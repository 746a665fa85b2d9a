package org.lmx.connectors.signature;

import java.net.URI;
import java.security.cert.X509CRL;
import java.util.Optional;

/** Where a verifier gets the CRL named by a certificate's distribution point. */
@FunctionalInterface
public interface CrlSource {

    /** The CRL at {@code location}, or empty when it cannot be had now (the caller's policy decides what that means). */
    Optional<X509CRL> fetch(URI location);

    /** A source that never has a CRL: only CRLs given with the options count. */
    CrlSource NONE = location -> Optional.empty();
}
