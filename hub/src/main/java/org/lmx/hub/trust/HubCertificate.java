package org.lmx.hub.trust;

import java.security.cert.X509Certificate;

/** One of the hub's own certificates: its role (HUB_SIGNING, HUB_CA, HUB_TLS) and a label for people. */
public record HubCertificate(String role, String label, X509Certificate certificate) {

    public static final String SIGNING = "HUB_SIGNING";
    public static final String CA = "HUB_CA";
    public static final String TLS = "HUB_TLS";
}
