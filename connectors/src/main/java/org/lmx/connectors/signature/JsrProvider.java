package org.lmx.connectors.signature;

import javax.xml.crypto.dsig.XMLSignatureFactory;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;

/** Santuario's JSR 105 provider, used explicitly so that the JDK's internal copy never decides. */
final class JsrProvider {

    static {
        // base64 values on one line: Santuario otherwise wraps them with CRs, which XML writes as &#13;
        if (System.getProperty("org.apache.xml.security.ignoreLineBreaks") == null) {
            System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        }
    }

    private static final XMLDSigRI PROVIDER = new XMLDSigRI();

    private JsrProvider() {
    }

    static XMLSignatureFactory signatureFactory() {
        return XMLSignatureFactory.getInstance("DOM", PROVIDER);
    }
}
