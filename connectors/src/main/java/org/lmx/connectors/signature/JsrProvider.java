package org.lmx.connectors.signature;

import java.security.Key;
import java.security.interfaces.ECKey;
import javax.xml.crypto.dom.DOMCryptoContext;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Santuario's JSR 105 provider, used explicitly so that the JDK's internal copy never decides. */
final class JsrProvider {

    static {
        // base64 values on one line: Santuario otherwise wraps them with CRs, which XML writes as &#13;
        if (System.getProperty("org.apache.xml.security.ignoreLineBreaks") == null) {
            System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        }
    }

    private static final XMLDSigRI PROVIDER = new XMLDSigRI();

    /**
     * ECDSA by Bouncy Castle: on JDK 17 it signs P-256 twice and verifies five times as fast as the JDK's own
     * (BENCHMARKS.md), and an ECDSA signature is the hub's one private-key operation per message. Not registered
     * in the JVM's provider list: only the XML signatures made and checked here use it.
     */
    private static final BouncyCastleProvider EC_SIGNATURES = new BouncyCastleProvider();

    private JsrProvider() {
    }

    static XMLSignatureFactory signatureFactory() {
        return XMLSignatureFactory.getInstance("DOM", PROVIDER);
    }

    /** Has the signature with {@code key} computed by the fastest provider for its kind (RSA stays with the JDK). */
    static void useFastestSignatures(DOMCryptoContext context, Key key) {
        if (key instanceof ECKey) {
            context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", EC_SIGNATURES);
        }
    }
}
