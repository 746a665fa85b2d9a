package org.lmx.connectors.signature;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whom a verifier trusts for one counterparty: CA certificates (any certificate they issue for the party) and
 * pinned signing certificates (exactly these). Several of each at once, so that a rotation overlaps.
 */
public record TrustAnchors(Set<X509Certificate> authorities, Set<X509Certificate> pinned) {

    public TrustAnchors {
        authorities = Set.copyOf(authorities);
        pinned = Set.copyOf(pinned);
        if (authorities.isEmpty() && pinned.isEmpty()) {
            throw new IllegalArgumentException("trust needs at least one CA or pinned certificate");
        }
    }

    public static TrustAnchors authorities(Collection<X509Certificate> caCertificates) {
        return new TrustAnchors(Set.copyOf(caCertificates), Set.of());
    }

    public static TrustAnchors authority(X509Certificate caCertificate) {
        return authorities(List.of(caCertificate));
    }

    public static TrustAnchors pinned(Collection<X509Certificate> signingCertificates) {
        return new TrustAnchors(Set.of(), Set.copyOf(signingCertificates));
    }
}
